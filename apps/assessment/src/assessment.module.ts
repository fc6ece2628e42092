import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { AssessmentCoreModule, type AssessmentOptions } from '@duban/assessment';
import { type DubanConfig, DubanConfigModule } from '@duban/config';
import { QueueName } from '@duban/contracts';
import { DatabaseModule } from '@duban/db';
import { QueueRootModule } from '@duban/queue';
import { AssessmentEventsProcessor } from './events/assessment-events.processor';
import { AssessmentReportsProcessor } from './reports/assessment-reports.processor';
import { AssessmentRunsProcessor } from './runs/assessment-runs.processor';

/** Keeps the assessment facts current from events; runs the annual assessment; builds report files. */
@Module({})
export class AssessmentModule {
  static forRoot(config: DubanConfig, options?: AssessmentOptions): DynamicModule {
    return {
      module: AssessmentModule,
      imports: [
        DubanConfigModule.forRoot(config),
        DatabaseModule.forRoot('assessment'),
        QueueRootModule.forRoot(),
        BullModule.registerQueue({ name: QueueName.AssessmentEvents }),
        AssessmentCoreModule.forRoot(options),
      ],
      providers: [AssessmentEventsProcessor, AssessmentRunsProcessor, AssessmentReportsProcessor],
    };
  }
}
