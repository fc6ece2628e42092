import {
  Controller,
  Get,
  Header,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  type StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Roles } from '../auth/auth.decorators';
import { ledgerDownload } from '../ledger-export/ledger-download';
import { LedgerExportService } from '../ledger-export/ledger-export.service';

@ApiTags('plans')
@ApiBearerAuth()
@Roles('admin', 'supervisor', 'leader')
@Controller('plans')
export class PlansController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerExportService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Plans with their task counts' })
  list() {
    return this.dataSource.query<Record<string, unknown>[]>(
      `SELECT p.id, p.title, p.doc_number AS "docNumber", p.issuer, to_char(p.issue_date, 'YYYY-MM-DD') AS "issueDate",
              p.version, p.status, p.created_at AS "createdAt",
              (SELECT count(*)::int FROM tasks t WHERE t.plan_id = p.id) AS "taskCount"
         FROM plans p ORDER BY p.created_at DESC`,
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'A plan with its goals (主要目标) and task counts by status' })
  async get(@Param('id', ParseUUIDPipe) id: string) {
    const [plan] = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT p.id, p.title, p.doc_number AS "docNumber", p.issuer, to_char(p.issue_date, 'YYYY-MM-DD') AS "issueDate",
              p.version, p.status, p.goals,
              (SELECT json_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM tasks WHERE plan_id = p.id GROUP BY status) s) AS "tasksByStatus"
         FROM plans p WHERE p.id = $1`,
      [id],
    );
    if (!plan) {
      throw new NotFoundException(`Plan ${id} does not exist`);
    }
    return plan;
  }

  @Get(':id/ledger.xlsx')
  @ApiOperation({
    summary:
      'The ledger (台账) as a workbook: 序号, 任务, 牵头单位, 配合单位, 完成时限, 最新进展, 状态, coloured by traffic light',
  })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Header('Cache-Control', 'no-store')
  async xlsx(@Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    return ledgerDownload(await this.ledger.xlsx(id));
  }

  @Get(':id/ledger.csv')
  @ApiOperation({ summary: 'The ledger (台账) as CSV (UTF-8 with BOM)' })
  @ApiProduces('text/csv')
  @Header('Cache-Control', 'no-store')
  async csv(@Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    return ledgerDownload(await this.ledger.csv(id));
  }
}
