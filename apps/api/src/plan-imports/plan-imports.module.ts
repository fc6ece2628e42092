import { Module } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module';
import { PlanImportsController } from './plan-imports.controller';
import { DocumentWorkers } from './document-workers';
import { PlanImportsService } from './plan-imports.service';

@Module({
  imports: [DepartmentsModule],
  controllers: [PlanImportsController],
  providers: [PlanImportsService, DocumentWorkers],
})
export class PlanImportsModule {}
