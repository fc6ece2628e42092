import { ConflictException, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { shanghaiDateOf } from '@duban/calendar';
import type { NewEvent, QualityRating } from '@duban/contracts';
import { Task, TaskCompletion } from '@duban/db';
import { recordChange } from '@duban/outbox';
import type { AuthUser } from '../auth/auth-user';
import { actorOf } from '../common/actor';
import { Clock } from '../common/clock';
import { requireAssignment, taskInScope } from '../tasks/task-access';

interface Decision {
  completion: Pick<Partial<TaskCompletion>, 'state' | 'rating' | 'decisionReason'>;
  task: Pick<Partial<Task>, 'status' | 'completedAt' | 'qualityRating'>;
  action: string;
  event: NewEvent;
  result: Record<string, unknown>;
}

/** 办结: the lead department declares completion; the office approves with a rating or returns it. */
@Injectable()
export class CompletionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async declare(user: AuthUser, taskId: string, evidence: string) {
    return this.dataSource.transaction(async (manager) => {
      const scope = await taskInScope(manager, user, taskId, true);
      const assignment = requireAssignment(scope, 'declare completion');
      if (assignment.role !== 'lead') {
        throw new ConflictException(
          `Only the lead department declares task ${scope.task.numberPath} complete; your department supports it`,
        );
      }
      if (scope.task.status !== 'open') {
        throw new ConflictException(
          `Task ${scope.task.numberPath} is ${scope.task.status}: completion cannot be declared now`,
        );
      }
      const completion = await manager.save(
        manager.create(TaskCompletion, {
          taskId,
          departmentId: assignment.departmentId,
          evidence,
          declaredBy: user.id,
          declaredAt: this.clock.now(),
        }),
      );
      await manager.update(Task, { id: taskId }, { status: 'completion_pending' });
      await manager.increment(Task, { id: taskId }, 'rowVersion', 1);
      await recordChange(manager, {
        actor: actorOf(user),
        action: 'completion.declare',
        entityType: 'task',
        entityId: taskId,
        before: { status: 'open' },
        after: { status: 'completion_pending', completionId: completion.id },
        events: [
          {
            type: 'CompletionDeclared',
            aggregateType: 'task',
            aggregateId: taskId,
            payload: { taskId, departmentId: assignment.departmentId, completionId: completion.id },
          },
        ],
      });
      return { completionId: completion.id, status: 'completion_pending' };
    });
  }

  async approve(user: AuthUser, taskId: string, rating: QualityRating) {
    return this.decide(user, taskId, (completionId, now) => ({
      completion: { state: 'approved', rating },
      task: { status: 'completed', completedAt: now, qualityRating: rating },
      action: 'completion.approve',
      event: {
        type: 'TaskCompleted',
        aggregateType: 'task',
        aggregateId: taskId,
        payload: { taskId, completionId, completedOn: shanghaiDateOf(now), rating },
      },
      result: { status: 'completed', rating },
    }));
  }

  async returnToDepartment(user: AuthUser, taskId: string, reason: string) {
    return this.decide(user, taskId, (completionId) => ({
      completion: { state: 'returned', decisionReason: reason },
      task: { status: 'open' },
      action: 'completion.return',
      event: {
        type: 'TaskReopened',
        aggregateType: 'task',
        aggregateId: taskId,
        payload: { taskId, completionId, reason },
      },
      result: { status: 'open', reason },
    }));
  }

  /** The office's decision on the pending completion: both rows, the version, the audit row and the event at once. */
  private decide(
    user: AuthUser,
    taskId: string,
    decision: (completionId: string, now: Date) => Decision,
  ) {
    return this.dataSource.transaction(async (manager) => {
      const { completion } = await this.pending(manager, user, taskId);
      const now = this.clock.now();
      const {
        completion: completionChange,
        task,
        action,
        event,
        result,
      } = decision(completion.id, now);
      await manager.update(
        TaskCompletion,
        { id: completion.id },
        { ...completionChange, decidedBy: user.id, decidedAt: now },
      );
      await manager.update(Task, { id: taskId }, task);
      await manager.increment(Task, { id: taskId }, 'rowVersion', 1);
      await recordChange(manager, {
        actor: actorOf(user),
        action,
        entityType: 'task',
        entityId: taskId,
        before: { status: 'completion_pending' },
        after: result,
        events: [event],
      });
      return result;
    });
  }

  private async pending(manager: EntityManager, user: AuthUser, taskId: string) {
    const { task } = await taskInScope(manager, user, taskId, true);
    const completion = await manager.findOne(TaskCompletion, {
      where: { taskId, state: 'pending' },
    });
    if (!completion) {
      throw task.status === 'completed'
        ? new ConflictException(`Task ${task.numberPath} is already completed`)
        : new ConflictException(`Task ${task.numberPath} has no completion waiting for a decision`);
    }
    return { task, completion };
  }
}
