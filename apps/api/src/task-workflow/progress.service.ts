import {
  BadRequestException,
  ConflictException,
  Injectable,
  UnprocessableEntityException,
} from '@nestjs/common';
import { shanghaiDateOf } from '@duban/calendar';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import type { DubanConfig } from '@duban/config';
import { isOpenTaskStatus, ProgressReport } from '@duban/db';
import { recordChange } from '@duban/outbox';
import type { AuthUser } from '../auth/auth-user';
import { actorOf } from '../common/actor';
import { Clock } from '../common/clock';
import { requireAssignment, taskInScope } from '../tasks/task-access';
import type { ProgressReportDto } from './task-workflow.dto';

/** A report for month M is due on day N of M; reported after that it is late. */
export function isLateReport(period: string, reportedOn: string, dueDayOfMonth: number): boolean {
  return reportedOn > `${period}-${String(dueDayOfMonth).padStart(2, '0')}`;
}

@Injectable()
export class ProgressService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: ConfigService<DubanConfig, true>,
  ) {}

  async report(user: AuthUser, taskId: string, input: ProgressReportDto) {
    const badIndicators = Object.entries(input.indicatorValues ?? {}).filter(
      ([, v]) => typeof v !== 'number' || !Number.isFinite(v),
    );
    if (badIndicators.length) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: `indicatorValues must map indicators to numbers: ${badIndicators.map(([k]) => k).join(', ')}`,
        fields: [{ field: 'indicatorValues', messages: ['each value must be a number'] }],
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const scope = await taskInScope(manager, user, taskId, true);
      const assignment = requireAssignment(scope, 'report progress');
      if (!isOpenTaskStatus(scope.task.status)) {
        throw new ConflictException(
          `Task ${scope.task.numberPath} is ${scope.task.status}: no more progress reports`,
        );
      }
      const today = this.clock.today();
      const period = input.period ?? today.slice(0, 7);
      const thisMonth = today.slice(0, 7);
      if (period > thisMonth) {
        throw new UnprocessableEntityException(
          `Cannot report for ${period} before that month begins`,
        );
      }
      // Never later than this month, so a clock set back (tests, a simulated year) still works.
      const assignedMonth = shanghaiDateOf(assignment.assignedAt).slice(0, 7);
      const firstPeriod = assignedMonth < thisMonth ? assignedMonth : thisMonth;
      if (period < firstPeriod) {
        throw new UnprocessableEntityException(
          `Progress can be reported from ${firstPeriod}, the month your department was assigned the task`,
        );
      }
      const late = isLateReport(
        period,
        today,
        this.config.get('reporting', { infer: true }).dueDayOfMonth,
      );
      const report = await manager.save(
        manager.create(ProgressReport, {
          taskId,
          departmentId: assignment.departmentId,
          period,
          text: input.text,
          percent: input.percent,
          indicatorValues: input.indicatorValues ?? {},
          state: late ? 'late' : 'on_time',
          reportedBy: user.id,
          reportedAt: this.clock.now(),
        }),
      );
      await recordChange(manager, {
        actor: actorOf(user),
        action: 'progress.report',
        entityType: 'task',
        entityId: taskId,
        after: { reportId: report.id, period, percent: input.percent, late },
        events: [
          {
            type: 'ProgressReported',
            aggregateType: 'task',
            aggregateId: taskId,
            payload: {
              taskId,
              departmentId: assignment.departmentId,
              reportId: report.id,
              percent: input.percent,
              period,
              late,
            },
          },
        ],
      });
      return { id: report.id, period, state: report.state, percent: report.percent };
    });
  }
}
