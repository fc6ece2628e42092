import { Module } from '@nestjs/common';
import { AssessmentCoreModule } from '@duban/assessment';
import { AssessmentsController } from './assessments.controller';

@Module({
  imports: [AssessmentCoreModule.forRoot()],
  controllers: [AssessmentsController],
})
export class AssessmentsModule {}
