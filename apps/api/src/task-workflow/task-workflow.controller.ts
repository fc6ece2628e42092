import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
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
  AcknowledgedDto,
  ApproveCompletionDto,
  CompletionDecidedDto,
  CompletionDeclaredDto,
  ExtensionDecidedDto,
  ExtensionRequestedDto,
  ProgressReportedDto,
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
  @ApiOkResponse({ type: AcknowledgedDto })
  @ApiConflictResponse({ description: 'Already acknowledged' })
  acknowledge(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.acknowledgements.acknowledge(user, id);
  }

  @Post('tasks/:id/progress')
  @Roles('department')
  @ApiOperation({
    summary: 'Report progress (monthly by the due day; a report after it is recorded late)',
  })
  @ApiCreatedResponse({ type: ProgressReportedDto })
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
  @ApiCreatedResponse({ type: CompletionDeclaredDto })
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
  @ApiOkResponse({ type: CompletionDecidedDto })
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
  @ApiOkResponse({ type: CompletionDecidedDto })
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
  @ApiCreatedResponse({ type: ExtensionRequestedDto })
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
  @ApiOkResponse({ type: ExtensionDecidedDto })
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
  @ApiOkResponse({ type: ExtensionDecidedDto })
  rejectExtension(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DecideExtensionDto,
  ) {
    return this.extensions.decide(user, id, false, body.note);
  }
}
