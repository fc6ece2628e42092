import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, OFFICE_ROLES, Roles } from '../auth/auth.decorators';
import {
  EditedTaskDto,
  EditTaskDto,
  SetAssignmentsDto,
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
