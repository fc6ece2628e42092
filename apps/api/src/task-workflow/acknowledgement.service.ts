import { ConflictException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TaskAssignment } from '@duban/db';
import { recordChange } from '@duban/outbox';
import type { AuthUser } from '../auth/auth-user';
import { actorOf } from '../common/actor';
import { Clock } from '../common/clock';
import { requireAssignment, taskInScope } from '../tasks/task-access';

/** 签收: a department confirms it received an assignment. */
@Injectable()
export class AcknowledgementService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async acknowledge(user: AuthUser, taskId: string): Promise<{ acknowledgedAt: string }> {
    return this.dataSource.transaction(async (manager) => {
      const scope = await taskInScope(manager, user, taskId, true);
      const assignment = requireAssignment(scope, 'acknowledge an assignment');
      if (assignment.acknowledgedAt) {
        throw new ConflictException(
          `Your department acknowledged task ${scope.task.numberPath} on ${assignment.acknowledgedAt.toISOString()}`,
        );
      }
      const now = this.clock.now();
      await manager.update(
        TaskAssignment,
        { id: assignment.id },
        { acknowledgedAt: now, acknowledgedBy: user.id },
      );
      await recordChange(manager, {
        actor: actorOf(user),
        action: 'assignment.acknowledge',
        entityType: 'task',
        entityId: taskId,
        after: { departmentId: assignment.departmentId, acknowledgedAt: now.toISOString() },
        events: [
          {
            type: 'AssignmentAcknowledged',
            aggregateType: 'task',
            aggregateId: taskId,
            payload: {
              taskId,
              departmentId: assignment.departmentId,
              acknowledgedAt: now.toISOString(),
            },
          },
        ],
      });
      return { acknowledgedAt: now.toISOString() };
    });
  }
}
