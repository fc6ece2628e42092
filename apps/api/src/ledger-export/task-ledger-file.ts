import type { DataSource } from 'typeorm';
import type { LightWindow } from '../overdue-board/traffic-light';
import { listTasks } from '../tasks/task-list.query';
import type { TaskLedgerQueryDto, TaskRowDto } from '../tasks/task.dto';
import type { LedgerFile } from './ledger-export.service';
import { LEDGER_BATCH_SIZE } from './ledger-rows.query';
import { type LedgerLine, ledgerCsv, ledgerXlsx } from './ledger-writers';
import { LIGHT_LABEL } from './light-style';

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
    const page = await listTasks(
      dataSource,
      { ...filter, limit: LEDGER_BATCH_SIZE, cursor },
      window,
    );
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

/** The filtered ledger's lines, numbered across batches. */
async function* filteredLines(
  dataSource: DataSource,
  filter: TaskLedgerQueryDto,
  window: Pick<LightWindow, 'asOf' | 'yellowUntil'>,
): AsyncGenerator<LedgerLine[]> {
  let index = 0;
  for await (const batch of filteredRows(dataSource, filter, window)) {
    yield batch.map((row) => ({ values: cells(row, index++), light: row.light }));
  }
}

/** The filtered ledger as CSV, with a byte-order mark so Excel reads the Chinese as UTF-8. */
export function filteredLedgerCsv(
  dataSource: DataSource,
  filter: TaskLedgerQueryDto,
  window: Pick<LightWindow, 'asOf' | 'yellowUntil'>,
): LedgerFile {
  return ledgerCsv(`${baseName(window)}.csv`, HEADER, filteredLines(dataSource, filter, window));
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
  return ledgerXlsx(
    `${baseName(window)}.xlsx`,
    { name: '任务台账', header: HEADER, widths: [8, 14, 50, 30, 24, 30, 18, 12, 8] },
    filteredLines(dataSource, filter, window),
  );
}
