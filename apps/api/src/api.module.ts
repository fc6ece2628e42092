import { type DynamicModule, Module } from '@nestjs/common';
import { type DubanConfig, DubanConfigModule } from '@duban/config';
import { DatabaseModule } from '@duban/db';
import { OutboxRelayModule } from '@duban/outbox';
import { QueueRootModule, RedisClientModule } from '@duban/queue';
import { ApprovalsModule } from './approvals/approvals.module';
import { AssessmentsModule } from './assessments/assessments.module';
import { AuthModule } from './auth/auth.module';
import { DepartmentsModule } from './departments/departments.module';
import { CommonModule } from './common/common.module';
import { HealthModule } from './health/health.module';
import { OverdueBoardModule } from './overdue-board/overdue-board.module';
import { PlansModule } from './plans/plans.module';
import { RemindersModule } from './reminders/reminders.module';
import { TaskWorkflowModule } from './task-workflow/task-workflow.module';
import { TasksModule } from './tasks/tasks.module';
import { PlanImportsModule } from './plan-imports/plan-imports.module';
import { UsersModule } from './users/users.module';

@Module({})
export class ApiModule {
  static forRoot(config: DubanConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        DubanConfigModule.forRoot(config),
        DatabaseModule.forRoot('api'),
        QueueRootModule.forRoot(),
        RedisClientModule,
        OutboxRelayModule,
        HealthModule,
        CommonModule,
        AuthModule,
        UsersModule,
        DepartmentsModule,
        PlanImportsModule,
        TasksModule,
        TaskWorkflowModule,
        ApprovalsModule,
        OverdueBoardModule,
        PlansModule,
        RemindersModule,
        AssessmentsModule,
      ],
    };
  }
}
