import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { type DubanConfig, DubanConfigModule } from '@duban/config';
import { QueueName } from '@duban/contracts';
import { DatabaseModule } from '@duban/db';
import { QueueRootModule } from '@duban/queue';
import { AssessmentEventsProcessor } from './events/assessment-events.processor';

/** Keeps per-department yearly aggregates current from events; runs the annual assessment. */
@Module({})
export class AssessmentModule {
  static forRoot(config: DubanConfig): DynamicModule {
    return {
      module: AssessmentModule,
      imports: [
        DubanConfigModule.forRoot(config),
        DatabaseModule.forRoot('assessment'),
        QueueRootModule.forRoot(),
        BullModule.registerQueue({ name: QueueName.AssessmentEvents }),
      ],
      providers: [AssessmentEventsProcessor],
    };
  }
}
