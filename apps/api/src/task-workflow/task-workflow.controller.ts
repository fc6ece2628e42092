import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, OFFICE_ROLES, Roles } from '../auth/auth.decorators';
import { AcknowledgementService } from './acknowledgement.service';
import { CompletionService } from './completion.service';
import { ExtensionService } from './extension.service';
import { ProgressService } from './progress.service';
import {
  ApproveCompletionDto,
  DecideExtensionDto,
  DeclareCompletionDto,
  ProgressReportDto,
  RequestExtensionDto,
  ReturnCompletionDto,
} from './task-workflow.dto';

@ApiTags('task workflow')
@ApiBearerAuth()
@Controller()
export class TaskWorkflowController {
  constructor(
    private readonly acknowledgements: AcknowledgementService,
    private readonly progress: ProgressService,
    private readonly completions: CompletionService,
    private readonly extensions: ExtensionService,
  ) {}

  @Post('tasks/:id/acknowledge')
  @Roles('department')
  @HttpCode(200)
  @ApiOperation({ summary: '签收: the department acknowledges its assignment' })
  @ApiConflictResponse({ description: 'Already acknowledged' })
  acknowledge(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.acknowledgements.acknowledge(user, id);
  }

  @Post('tasks/:id/progress')
  @Roles('department')
  @ApiOperation({
    summary: 'Report progress (monthly by the due day; a report after it is recorded late)',
  })
  @ApiForbiddenResponse({ description: 'Your department is not assigned to the task' })
  @ApiConflictResponse({ description: 'The task is closed' })
  reportProgress(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ProgressReportDto,
  ) {
    return this.progress.report(user, id, body);
  }

  @Post('tasks/:id/completion')
  @Roles('department')
  @ApiOperation({ summary: '办结: the lead department declares the task complete with evidence' })
  @ApiConflictResponse({ description: 'A supporting department, or the task is not open' })
  declareCompletion(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DeclareCompletionDto,
  ) {
    return this.completions.declare(user, id, body.evidence);
  }

  @Post('tasks/:id/completion/approve')
  @Roles(...OFFICE_ROLES)
  @HttpCode(200)
  @ApiOperation({
    summary: 'The office approves the declared completion with a quality rating (TaskCompleted)',
  })
  @ApiOkResponse({ schema: { example: { status: 'completed', rating: 'excellent' } } })
  @ApiConflictResponse({ description: 'Nothing waits for a decision (e.g. already completed)' })
  approveCompletion(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ApproveCompletionDto,
  ) {
    return this.completions.approve(user, id, body.rating);
  }

  @Post('tasks/:id/completion/return')
  @Roles(...OFFICE_ROLES)
  @HttpCode(200)
  @ApiOperation({
    summary: '退办: the office returns the declared completion with a reason (TaskReopened)',
  })
  returnCompletion(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReturnCompletionDto,
  ) {
    return this.completions.returnToDepartment(user, id, body.reason);
  }

  @Post('tasks/:id/extensions')
  @Roles('department')
  @ApiOperation({
    summary: '延期: ask, before the deadline, for a new date with reason and current progress',
  })
  @ApiConflictResponse({ description: 'Deadline passed, task closed, or a request already waits' })
  requestExtension(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RequestExtensionDto,
  ) {
    return this.extensions.request(user, id, body);
  }

  @Post('extensions/:id/approve')
  @Roles(...OFFICE_ROLES)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve an extension: the deadline moves (ExtensionApproved, TaskDeadlineChanged)',
  })
  approveExtension(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DecideExtensionDto,
  ) {
    return this.extensions.decide(user, id, true, body.note);
  }

  @Post('extensions/:id/reject')
  @Roles(...OFFICE_ROLES)
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject an extension request' })
  rejectExtension(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DecideExtensionDto,
  ) {
    return this.extensions.decide(user, id, false, body.note);
  }
}
