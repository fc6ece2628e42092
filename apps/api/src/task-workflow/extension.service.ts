import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { ExtensionRequest, isOpenTaskStatus, Task } from '@duban/db';
import { recordChange } from '@duban/outbox';
import type { AuthUser } from '../auth/auth-user';
import { actorOf } from '../common/actor';
import { Clock } from '../common/clock';
import { requireAssignment, taskInScope } from '../tasks/task-access';
import type { RequestExtensionDto } from './task-workflow.dto';

/** 延期: asked for before the deadline; approval moves the deadline and restarts the reminders. */
@Injectable()
export class ExtensionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async request(user: AuthUser, taskId: string, input: RequestExtensionDto) {
    return this.dataSource.transaction(async (manager) => {
      const scope = await taskInScope(manager, user, taskId, true);
      const assignment = requireAssignment(scope, 'ask for an extension');
      if (assignment.role !== 'lead') {
        // The deadline is the lead department's to answer for; a supporting one reports to it.
        throw new ForbiddenException(
          'Only the lead department asks for an extension; your department supports this task',
        );
      }
      const { task } = scope;
      if (!isOpenTaskStatus(task.status)) {
        throw new ConflictException(
          `Task ${task.numberPath} is ${task.status}: no extension needed`,
        );
      }
      if (!task.deadline) {
        throw new ConflictException(`Task ${task.numberPath} has no deadline to extend`);
      }
      if (this.clock.today() > task.deadline) {
        throw new ConflictException(
          `The deadline of task ${task.numberPath} (${task.deadline}) has passed: extensions are asked for before it`,
        );
      }
      if (input.requestedDeadline <= task.deadline) {
        throw new UnprocessableEntityException(
          `The new deadline must be after the current one (${task.deadline})`,
        );
      }
      let request: ExtensionRequest;
      try {
        request = await manager.save(
          manager.create(ExtensionRequest, {
            taskId,
            departmentId: assignment.departmentId,
            previousDeadline: task.deadline,
            requestedDeadline: input.requestedDeadline,
            reason: input.reason,
            progress: input.progress,
            requestedBy: user.id,
            createdAt: this.clock.now(),
          }),
        );
      } catch (error) {
        if (
          error instanceof QueryFailedError &&
          /extension_requests_pending_key/.test(error.message)
        ) {
          throw new ConflictException(
            'Your department already has an extension request waiting for this task',
          );
        }
        throw error;
      }
      await recordChange(manager, {
        actor: actorOf(user),
        action: 'extension.request',
        entityType: 'task',
        entityId: taskId,
        after: {
          requestId: request.id,
          requestedDeadline: input.requestedDeadline,
          reason: input.reason,
        },
        events: [
          {
            type: 'ExtensionRequested',
            aggregateType: 'task',
            aggregateId: taskId,
            payload: {
              taskId,
              departmentId: assignment.departmentId,
              requestId: request.id,
              requestedDeadline: input.requestedDeadline,
            },
          },
        ],
      });
      return { id: request.id, state: request.state };
    });
  }

  async decide(user: AuthUser, requestId: string, approve: boolean, note?: string) {
    return this.dataSource.transaction(async (manager) => {
      const request = await manager.findOne(ExtensionRequest, {
        where: { id: requestId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!request) {
        throw new NotFoundException(`Extension request ${requestId} does not exist`);
      }
      if (request.state !== 'pending') {
        throw new ConflictException(`Extension request ${requestId} was already ${request.state}`);
      }
      const { task } = await taskInScope(manager, user, request.taskId, true);
      const now = this.clock.now();
      await manager.update(
        ExtensionRequest,
        { id: requestId },
        {
          state: approve ? 'approved' : 'rejected',
          decidedBy: user.id,
          decidedAt: now,
          decisionNote: note ?? null,
        },
      );
      const base = { taskId: task.id, departmentId: request.departmentId, requestId };
      if (!approve) {
        await recordChange(manager, {
          actor: actorOf(user),
          action: 'extension.reject',
          entityType: 'task',
          entityId: task.id,
          after: { requestId, note: note ?? null },
          events: [
            {
              type: 'ExtensionRejected',
              aggregateType: 'task',
              aggregateId: task.id,
              payload: base,
            },
          ],
        });
        return { state: 'rejected' };
      }
      if (!isOpenTaskStatus(task.status)) {
        throw new ConflictException(
          `Task ${task.numberPath} is ${task.status}: its deadline no longer moves`,
        );
      }
      await manager.update(Task, { id: task.id }, { deadline: request.requestedDeadline });
      await manager.increment(Task, { id: task.id }, 'rowVersion', 1);
      await recordChange(manager, {
        actor: actorOf(user),
        action: 'extension.approve',
        entityType: 'task',
        entityId: task.id,
        before: { deadline: task.deadline },
        after: { deadline: request.requestedDeadline, requestId },
        events: [
          {
            type: 'ExtensionApproved',
            aggregateType: 'task',
            aggregateId: task.id,
            payload: {
              ...base,
              previousDeadline: task.deadline,
              deadline: request.requestedDeadline,
            },
          },
          {
            type: 'TaskDeadlineChanged',
            aggregateType: 'task',
            aggregateId: task.id,
            payload: {
              taskId: task.id,
              previousDeadline: task.deadline,
              deadline: request.requestedDeadline,
              cause: 'extension',
            },
          },
        ],
      });
      return { state: 'approved', deadline: request.requestedDeadline };
    });
  }
}
