import { PassThrough, Readable } from 'node:stream';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import type { LightWindow } from '../overdue-board/traffic-light';
import { listTasks } from '../tasks/task-list.query';
import type { TaskLedgerQueryDto, TaskRowDto } from '../tasks/task.dto';
import type { LedgerFile } from './ledger-export.service';
import { LIGHT_LABEL, styleLedgerRow } from './light-style';
import { csvLine } from './spreadsheet-cell';

const HEADER = [
  '序号',
  '编号',
  '任务',
  '所属计划',
  '牵头单位',
  '配合单位',
  '完成时限',
  '状态',
  '督办灯',
];
const STATUS_LABEL: Record<TaskRowDto['status'], string> = {
  open: '办理中',
  completion_pending: '办结待审批',
  completed: '已办结',
  cancelled: '已撤销',
};

/** Rows read per statement: one keyset page of the ledger's own query. */
const BATCH = 500;

/**
 * The ledger's rows under one filter, a keyset page at a time: the same query (and so the same
 * rows, in the same order) as the console's ledger shows page by page.
 */
async function* filteredRows(
  dataSource: DataSource,
  filter: TaskLedgerQueryDto,
  window: Pick<LightWindow, 'asOf' | 'yellowUntil'>,
): AsyncGenerator<TaskRowDto[]> {
  let cursor: string | undefined;
  do {
    const page = await listTasks(dataSource, { ...filter, limit: BATCH, cursor }, window);
    if (page.items.length > 0) {
      yield page.items;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

function cells(row: TaskRowDto, index: number): (string | number)[] {
  const names = (role: 'lead' | 'support') =>
    row.assignments
      .filter((a) => a.role === role)
      .map((a) => a.name)
      .join('、');
  return [
    index + 1,
    row.number,
    row.title,
    row.planTitle,
    names('lead'),
    names('support'),
    [row.deadlinePhrase, row.deadline].filter(Boolean).join(' / '),
    STATUS_LABEL[row.status],
    row.light ? LIGHT_LABEL[row.light] : '',
  ];
}

/** The file name: the ledger and the day it was read for (the filter is in the office's URL). */
const baseName = (window: Pick<LightWindow, 'asOf'>) => `任务台账-${window.asOf}`;

/** The filtered ledger as CSV, with a byte-order mark so Excel reads the Chinese as UTF-8. */
export function filteredLedgerCsv(
  dataSource: DataSource,
  filter: TaskLedgerQueryDto,
  window: Pick<LightWindow, 'asOf' | 'yellowUntil'>,
): LedgerFile {
  async function* chunks(): AsyncGenerator<string> {
    yield `\uFEFF${csvLine(HEADER)}`;
    let index = 0;
    for await (const batch of filteredRows(dataSource, filter, window)) {
      yield batch.map((row) => csvLine(cells(row, index++))).join('');
    }
  }
  return {
    fileName: `${baseName(window)}.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: Readable.from(chunks()),
  };
}

/**
 * The filtered ledger as a workbook coloured by light, streamed like the plan's ledger
 * (ExcelJS's WorkbookWriter, rows committed as they are written).
 */
export function filteredLedgerXlsx(
  dataSource: DataSource,
  filter: TaskLedgerQueryDto,
  window: Pick<LightWindow, 'asOf' | 'yellowUntil'>,
): LedgerFile {
  const output = new PassThrough();
  const write = async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: output,
      useStyles: true,
      useSharedStrings: false,
    });
    workbook.creator = 'Duban';
    const sheet = workbook.addWorksheet('任务台账', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = [8, 14, 50, 30, 24, 30, 18, 12, 8].map((width) => ({ width }));
    const header = sheet.addRow(HEADER);
    header.font = { bold: true };
    header.commit();
    let index = 0;
    for await (const batch of filteredRows(dataSource, filter, window)) {
      if (output.destroyed) {
        return; // The client went away: stop reading rows for it.
      }
      for (const row of batch) {
        const added = sheet.addRow(cells(row, index++));
        styleLedgerRow(added, row.light);
        added.commit();
      }
      await yieldToEventLoop();
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) =>
    output.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return {
    fileName: `${baseName(window)}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: output,
  };
}
