import {
  BadRequestException,
  Body,
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  UseFilters,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  AssessmentReportsService,
  AssessmentResultsService,
  AssessmentRunsService,
  type DepartmentBreakdown,
  type ReportView,
  type RunView,
  type StoredRanking,
  type TaskDeltaView,
  type WhatIfResult,
  type YearScheme,
} from '@duban/assessment';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, OFFICE_ROLES, READ_ALL_ROLES, Roles } from '../auth/auth.decorators';
import { AssessmentErrorsFilter } from './assessment-errors.filter';
import { EARLIEST_DATE, isCalendarDate, LATEST_DATE } from '../common/input-rules';
import { RequestReportDto, RunAssessmentDto } from './assessments.dto';
import {
  AssessmentSchemeDto,
  DepartmentBreakdownDto,
  ReportViewDto,
  RunViewDto,
  StoredRankingDto,
  TaskDeltaViewDto,
  WhatIfResultDto,
  YearSchemeDto,
} from './assessment-responses.dto';

/** HTTP only: every decision is in libs/assessment (runs, results, what-if, reports). */
@ApiTags('assessments')
@ApiBearerAuth()
@UseFilters(AssessmentErrorsFilter)
@Controller('assessments')
export class AssessmentsController {
  constructor(
    private readonly runs: AssessmentRunsService,
    private readonly results: AssessmentResultsService,
    private readonly reports: AssessmentReportsService,
  ) {}

  @Post(':year/run')
  @HttpCode(202)
  @Roles(...OFFICE_ROLES)
  @ApiOperation({
    summary: "Run the year's assessment (a job); 409 while a run of the year is under way",
  })
  @ApiAcceptedResponse({ description: 'The run, queued', type: RunViewDto })
  @ApiConflictResponse({ description: 'A run of the year is queued or running' })
  @ApiUnprocessableEntityResponse({ description: 'No scheme for the year, or an invalid one' })
  run(
    @CurrentUser() user: AuthUser,
    @Param('year') year: string,
    @Body() body: RunAssessmentDto,
  ): Promise<RunView> {
    return this.runs.requestRun(year, { asOf: body.asOf, requestedBy: user.id });
  }

  @Get('runs/:runId')
  @Roles(...READ_ALL_ROLES)
  @ApiOperation({ summary: 'State of one run (queued, running, succeeded, failed)' })
  @ApiOkResponse({ type: RunViewDto })
  getRun(@Param('runId', ParseUUIDPipe) runId: string): Promise<RunView> {
    return this.runs.getRun(runId);
  }

  @Get(':year')
  @Roles(...READ_ALL_ROLES)
  @ApiOperation({
    summary: 'The stored ranking of the year (ties share a rank; not assessed last)',
  })
  @ApiOkResponse({ description: 'Ranking', type: StoredRankingDto })
  ranking(@Param('year') year: string): Promise<StoredRanking> {
    return this.results.ranking(year);
  }

  @Get(':year/scheme')
  @Roles(...READ_ALL_ROLES)
  @ApiOperation({
    summary: "The year's scheme in force (config/assessment/<year>.yaml), as a run would read it",
  })
  @ApiOkResponse({ type: YearSchemeDto })
  @ApiUnprocessableEntityResponse({ description: 'No scheme for the year, or an invalid one' })
  scheme(@Param('year') year: string): Promise<YearScheme> {
    return this.results.yearScheme(year);
  }

  @Get(':year/departments/:departmentId')
  @ApiOperation({
    summary:
      "One department's score, task by task, down to every delta (a department sees its own)",
  })
  @ApiOkResponse({ type: DepartmentBreakdownDto })
  breakdown(
    @CurrentUser() user: AuthUser,
    @Param('year') year: string,
    @Param('departmentId', ParseUUIDPipe) departmentId: string,
  ): Promise<DepartmentBreakdown> {
    if (user.role === 'department' && user.departmentId !== departmentId) {
      throw new ForbiddenException('a department may read its own assessment only');
    }
    return this.results.departmentBreakdown(year, departmentId);
  }

  @Get(':year/tasks/:taskId/deltas')
  @Roles(...READ_ALL_ROLES)
  @ApiOperation({ summary: 'Every delta of one task in the stored results of the year' })
  @ApiOkResponse({ type: [TaskDeltaViewDto] })
  taskDeltas(
    @Param('year') year: string,
    @Param('taskId', ParseUUIDPipe) taskId: string,
  ): Promise<TaskDeltaView[]> {
    return this.results.taskDeltas(year, taskId);
  }

  @Post(':year/what-if')
  @HttpCode(200)
  // Office only: leaders are read-only, and a what-if is a full scoring pass over the year.
  @Roles(...OFFICE_ROLES)
  @ApiOperation({
    summary:
      'Rank the year under another scheme (the body, as in config/assessment/<year>.yaml); nothing is saved',
  })
  @ApiBody({ type: AssessmentSchemeDto, description: 'An assessment scheme' })
  @ApiQuery({ name: 'asOf', required: false, example: '2026-01-15' })
  @ApiOkResponse({ type: WhatIfResultDto })
  @ApiUnprocessableEntityResponse({ description: 'Invalid scheme: each bad field is named' })
  whatIf(
    @Param('year') year: string,
    // The scheme is validated by the scoring library's schema, which names every bad field.
    @Body() scheme: unknown,
    @Query('asOf') asOf?: string,
  ): Promise<WhatIfResult> {
    if (asOf !== undefined && !isCalendarDate(asOf)) {
      throw new BadRequestException(
        `asOf must be a date like 2026-12-31 between ${EARLIEST_DATE} and ${LATEST_DATE}`,
      );
    }
    return this.results.whatIf(year, scheme, asOf);
  }

  @Post(':year/reports')
  @HttpCode(202)
  // Office only: building a report queues a job and stores a file; leaders read the ones built.
  @Roles(...OFFICE_ROLES)
  @ApiOperation({
    summary: 'Build the .xlsx workbook or the HTML report of the stored run (a job)',
  })
  @ApiAcceptedResponse({ type: ReportViewDto })
  requestReport(@Param('year') year: string, @Body() body: RequestReportDto): Promise<ReportView> {
    return this.reports.requestReport(year, body.format);
  }

  @Get('reports/:reportId')
  @Roles(...READ_ALL_ROLES)
  @ApiOkResponse({ type: ReportViewDto })
  getReport(@Param('reportId', ParseUUIDPipe) reportId: string): Promise<ReportView> {
    return this.reports.getReport(reportId);
  }

  @Get('reports/:reportId/file')
  @Roles(...READ_ALL_ROLES)
  @ApiOperation({ summary: 'Download a ready report file' })
  async download(
    @Param('reportId', ParseUUIDPipe) reportId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.reports.download(reportId);
    await reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .send(file.content);
  }
}
