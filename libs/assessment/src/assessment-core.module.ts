import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { QueueName } from '@duban/contracts';
import {
  ASSESSMENT_OPTIONS,
  defaultAssessmentOptions,
  type AssessmentOptions,
} from './assessment-options';
import { AssessmentReportsService } from './assessment-reports.service';
import { AssessmentResultsService } from './assessment-results.service';
import { AssessmentRunner } from './assessment-runner';
import { AssessmentRunsService } from './assessment-runs.service';

/**
 * The assessment's services for any process: the api requests runs and reports and reads results,
 * the assessment worker computes runs and builds files. Needs DatabaseModule and QueueRootModule.
 */
@Module({})
export class AssessmentCoreModule {
  static forRoot(options: AssessmentOptions = defaultAssessmentOptions()): DynamicModule {
    return {
      module: AssessmentCoreModule,
      imports: [
        BullModule.registerQueue(
          { name: QueueName.AssessmentRuns },
          { name: QueueName.AssessmentReports },
        ),
      ],
      providers: [
        { provide: ASSESSMENT_OPTIONS, useValue: options },
        AssessmentRunsService,
        AssessmentRunner,
        AssessmentResultsService,
        AssessmentReportsService,
      ],
      exports: [
        BullModule,
        AssessmentRunsService,
        AssessmentRunner,
        AssessmentResultsService,
        AssessmentReportsService,
      ],
    };
  }
}
