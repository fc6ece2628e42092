import { PassThrough, Readable } from 'node:stream';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Injectable, NotFoundException } from '@nestjs/common';
import ExcelJS from 'exceljs';
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
import { LIGHT_LABEL, styleLedgerRow } from './light-style';
import { csvLine } from './spreadsheet-cell';

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
    const output = new PassThrough();
    this.writeXlsx(plan, output).catch((error: unknown) => output.destroy(toError(error)));
    return {
      fileName: `${plan.title}-台账.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: output,
    };
  }

  async csv(planId: string): Promise<LedgerFile> {
    const plan = await this.plan(planId);
    return {
      fileName: `${plan.title}-台账.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: Readable.from(this.csvChunks(plan)),
    };
  }

  private async *csvChunks(plan: Plan): AsyncGenerator<string> {
    // The byte-order mark makes Excel read the Chinese text as UTF-8.
    yield `\uFEFF${csvLine(HEADER)}`;
    const window = this.window();
    let index = 0;
    for await (const batch of ledgerRows(this.dataSource, plan.id)) {
      yield batch.map((row) => csvLine(this.cells(row, index++, window).values)).join('');
    }
  }

  private async writeXlsx(plan: Plan, output: PassThrough): Promise<void> {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: output,
      useStyles: true,
      useSharedStrings: false,
    });
    workbook.creator = 'Duban';
    const sheet = workbook.addWorksheet('台账', { views: [{ state: 'frozen', ySplit: 2 }] });
    sheet.columns = [8, 14, 50, 24, 30, 18, 40, 12].map((width) => ({ width }));
    const title = sheet.addRow([
      `${plan.title}${plan.docNumber ? `(${plan.docNumber})` : ''}任务台账`,
    ]);
    title.font = { bold: true, size: 14 };
    sheet.mergeCells(1, 1, 1, HEADER.length);
    title.commit();
    const header = sheet.addRow(HEADER);
    header.font = { bold: true };
    header.commit();
    const window = this.window();
    let index = 0;
    for await (const batch of ledgerRows(this.dataSource, plan.id)) {
      if (output.destroyed) {
        return; // The client went away: stop reading rows for it.
      }
      for (const row of batch) {
        const cells = this.cells(row, index++, window);
        // Plain values are written as text cells (t="inlineStr"), never as formulas.
        const added = sheet.addRow(cells.values);
        styleLedgerRow(added, cells.light);
        added.commit();
      }
      // Let other requests run between batches even when the next one is ready at once.
      await yieldToEventLoop();
    }
    sheet.commit();
    await workbook.commit();
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

  private cells(
    row: LedgerRow,
    index: number,
    window: LightWindow,
  ): { values: (string | number)[]; light: TrafficLight | null } {
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

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
