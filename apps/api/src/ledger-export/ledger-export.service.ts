import type { Readable } from 'node:stream';
import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WorkingDayCalendar } from '@duban/calendar';
import { Plan } from '@duban/db';
import { Clock } from '../common/clock';
import {
  type LightWindow,
  lightOf,
  lightWindow,
  type TrafficLight,
} from '../overdue-board/traffic-light';
import { type LedgerRow, ledgerRows } from './ledger-rows.query';
import { type LedgerLine, ledgerCsv, ledgerXlsx } from './ledger-writers';
import { LIGHT_LABEL } from './light-style';

const HEADER = ['序号', '编号', '任务', '牵头单位', '配合单位', '完成时限', '最新进展', '状态'];
const STATUS_LABEL: Record<LedgerRow['status'], string> = {
  open: '推进中',
  completion_pending: '待审核办结',
  completed: '已办结',
  cancelled: '已取消',
};

export interface LedgerFile {
  fileName: string;
  contentType: string;
  /** Written while the client reads it: rows are read and encoded a batch at a time. */
  body: Readable;
}

/**
 * The plan's ledger (台账), as the office circulates it: a workbook coloured by traffic light, or
 * CSV. Both are streamed from keyset batches of rows, so a plan of tens of thousands of tasks
 * neither sits in memory whole nor holds the event loop while it is encoded.
 */
@Injectable()
export class LedgerExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
  ) {}

  async xlsx(planId: string): Promise<LedgerFile> {
    const plan = await this.plan(planId);
    return ledgerXlsx(
      `${plan.title}-台账.xlsx`,
      {
        name: '台账',
        header: HEADER,
        widths: [8, 14, 50, 24, 30, 18, 40, 12],
        title: `${plan.title}${plan.docNumber ? `(${plan.docNumber})` : ''}任务台账`,
      },
      this.lines(plan),
    );
  }

  async csv(planId: string): Promise<LedgerFile> {
    const plan = await this.plan(planId);
    return ledgerCsv(`${plan.title}-台账.csv`, HEADER, this.lines(plan));
  }

  private async *lines(plan: Plan): AsyncGenerator<LedgerLine[]> {
    const window = this.window();
    let index = 0;
    for await (const batch of ledgerRows(this.dataSource, plan.id)) {
      yield batch.map((row) => this.cells(row, index++, window));
    }
  }

  private async plan(planId: string): Promise<Plan> {
    const plan = await this.dataSource.getRepository(Plan).findOne({ where: { id: planId } });
    if (!plan) {
      throw new NotFoundException(`Plan ${planId} does not exist`);
    }
    return plan;
  }

  /** The dates every row's light is read against: once per file, not once per row. */
  private window(): LightWindow {
    return lightWindow(this.calendar, this.clock.today());
  }

  private cells(row: LedgerRow, index: number, window: LightWindow): LedgerLine {
    const light = this.light(row, window);
    const deadline = [row.deadlinePhrase, row.deadline].filter(Boolean).join(' / ');
    const progress = row.latestProgress ? `${row.latestProgress}(${row.latestPercent ?? 0}%)` : '';
    const status =
      STATUS_LABEL[row.status] +
      (light && row.status !== 'completed' ? `·${LIGHT_LABEL[light]}` : '');
    return {
      values: [
        index + 1,
        row.number,
        row.title,
        row.lead.join('、'),
        row.support.join('、'),
        deadline,
        progress,
        status,
      ],
      light,
    };
  }

  private light(row: LedgerRow, window: LightWindow): TrafficLight | null {
    if (row.status === 'completed' || row.status === 'cancelled' || !row.deadline) {
      return row.status === 'completed' ? 'green' : null;
    }
    return lightOf(row.deadline, window);
  }
}
