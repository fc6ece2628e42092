import { Module } from '@nestjs/common';
import { AcknowledgementService } from './acknowledgement.service';
import { CompletionService } from './completion.service';
import { ExtensionService } from './extension.service';
import { ProgressService } from './progress.service';
import { TaskWorkflowController } from './task-workflow.controller';

@Module({
  controllers: [TaskWorkflowController],
  providers: [AcknowledgementService, ProgressService, CompletionService, ExtensionService],
})
export class TaskWorkflowModule {}
