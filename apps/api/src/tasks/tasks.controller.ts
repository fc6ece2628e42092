import {
  Body,
  Controller,
  Get,
  Header,
  Param,
  ParseUUIDPipe,
  Patch,
  Put,
  Query,
  type StreamableFile,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, OFFICE_ROLES, READ_ALL_ROLES, Roles } from '../auth/auth.decorators';
import { ledgerDownload } from '../ledger-export/ledger-download';
import {
  EditedTaskDto,
  EditTaskDto,
  SetAssignmentsDto,
  TaskLedgerQueryDto,
  TaskListQueryDto,
  TaskPageDto,
} from './task.dto';
import { TaskDetailDto, TaskHistoryEntryDto } from './task-detail.dto';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @ApiOperation({
    summary:
      'The task ledger: filters, deadline order, cursor pagination (departments see their own tasks)',
  })
  @ApiOkResponse({ type: TaskPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: TaskListQueryDto): Promise<TaskPageDto> {
    return this.tasks.list(user, query);
  }

  @Get('ledger.csv')
  @Roles(...READ_ALL_ROLES)
  @ApiOperation({
    summary: "The ledger under the list's filters as CSV (UTF-8 with BOM, Chinese headers)",
  })
  @ApiProduces('text/csv')
  @ApiBadRequestResponse({ description: 'role without departmentId' })
  @Header('Cache-Control', 'no-store')
  ledgerCsv(@Query() query: TaskLedgerQueryDto): StreamableFile {
    return ledgerDownload(this.tasks.ledgerFile(query, 'csv'));
  }

  @Get('ledger.xlsx')
  @Roles(...READ_ALL_ROLES)
  @ApiOperation({ summary: "The ledger under the list's filters as a workbook coloured by light" })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiBadRequestResponse({ description: 'role without departmentId' })
  @Header('Cache-Control', 'no-store')
  ledgerXlsx(@Query() query: TaskLedgerQueryDto): StreamableFile {
    return ledgerDownload(this.tasks.ledgerFile(query, 'xlsx'));
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A task with its assignments, progress reports, completions and extension requests',
  })
  @ApiOkResponse({ type: TaskDetailDto })
  @ApiNotFoundResponse()
  @ApiForbiddenResponse({ description: 'Your department is not assigned to the task' })
  detail(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.tasks.detail(user, id);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'The audit trail of a task: who, what, when, before/after' })
  @ApiOkResponse({ type: [TaskHistoryEntryDto] })
  history(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.tasks.history(user, id);
  }

  @Patch(':id')
  @Roles(...OFFICE_ROLES)
  @ApiOperation({ summary: 'Change the deadline (TaskDeadlineChanged) or the title (the office)' })
  @ApiOkResponse({ type: EditedTaskDto })
  @ApiConflictResponse({ description: 'Stale rowVersion, or the task is closed' })
  edit(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: EditTaskDto,
  ) {
    return this.tasks.edit(user, id, body);
  }

  @Put(':id/assignments')
  @Roles(...OFFICE_ROLES)
  @ApiOperation({
    summary: 'Set lead and supporting departments (TaskAssigned / TaskUnassigned per change)',
  })
  @ApiConflictResponse({ description: 'Stale rowVersion' })
  setAssignments(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SetAssignmentsDto,
  ) {
    return this.tasks.setAssignments(user, id, body);
  }
}
