import { Module } from '@nestjs/common';
import { LedgerExportService } from '../ledger-export/ledger-export.service';
import { PlansController } from './plans.controller';

@Module({ controllers: [PlansController], providers: [LedgerExportService] })
export class PlansModule {}
