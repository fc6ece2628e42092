import { Module } from '@nestjs/common';
import { ApprovalsController } from './approvals.controller';

/** 待审批: what waits for the office's decision (the decisions themselves are task workflow's). */
@Module({ controllers: [ApprovalsController] })
export class ApprovalsModule {}
