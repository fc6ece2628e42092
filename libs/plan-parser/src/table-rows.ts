import type { TextLine } from './outline';
import { KeyRange } from './key-range';

export type ColumnKind = 'serial' | 'task' | 'lead' | 'support' | 'listed' | 'deadline' | 'other';

export interface TableRow {
  line: TextLine;
  serial: string;
  cells: Partial<Record<ColumnKind, KeyRange>>;
}

const HEADER_CELLS: [RegExp, ColumnKind][] = [
  [/^(?:序号|编号|序)$/, 'serial'],
  [
    /^(?:牵头领导|责任领导|分管领导|联系领导|市领导|责任人|联系人|责任处室|备注|类别|分类|领域|项目类别|进展情况|工作进展)$/,
    'other',
  ],
  [/^(?:牵头单位|牵头部门|主办单位|主责单位|主责部门|牵头)$/, 'lead'],
  [/^(?:配合单位|配合部门|协办单位|参与单位|协助单位|配合)$/, 'support'],
  [/^(?:责任单位|责任部门|实施单位|承办单位|责任主体)$/, 'listed'],
  [/^(?:完成时限|完成时间|时间节点|时限|完成期限|时限要求|进度安排|时间安排)$/, 'deadline'],
  [/(?:任务|措施|工作|事项|内容|举措|项目|目标)/, 'task'],
];

function headerKind(cell: string): ColumnKind | null {
  // 牵头单位(部门), 责任单位(第一个为牵头单位): the note in brackets does not change the column.
  const name = cell.replace(/\([^)]*\)/g, '');
  for (const [pattern, kind] of HEADER_CELLS) {
    if (pattern.test(name)) {
      return kind;
    }
  }
  return null;
}

function cellsOf(key: string, line: TextLine): KeyRange[] {
  const cells: KeyRange[] = [];
  let from = line.start;
  for (let i = line.start; i <= line.end; i++) {
    if (i === line.end || key[i] === '\t' || key[i] === '|') {
      if (i > from) {
        cells.push({ start: from, end: i });
      }
      from = i + 1;
    }
  }
  return cells;
}

function hasCellSeparator(key: string, line: TextLine): boolean {
  for (let i = line.start; i < line.end; i++) {
    const c = key.charCodeAt(i);
    if (c === 0x09 || c === 0x7c) {
      return true;
    }
  }
  return false;
}

/** Whether a line is the header row of a task table (序号 任务 牵头单位 …). */
export function isTableHeader(key: string, line: TextLine): boolean {
  if (line.end - line.start > 200 || !hasCellSeparator(key, line)) {
    return false;
  }
  return headerColumns(key, cellsOf(key, line)) !== null;
}

function headerColumns(key: string, cells: KeyRange[]): ColumnKind[] | null {
  if (cells.length < 3) {
    return null;
  }
  const header = cells.map((c) => headerKind(key.slice(c.start, c.end)));
  if (!header.includes('task') || !(header.includes('lead') || header.includes('listed'))) {
    return null;
  }
  const columns: ColumnKind[] = [];
  for (const kind of header) {
    if (kind === null) {
      return null;
    }
    columns.push(kind);
  }
  return columns;
}

/** Rows of a task table flattened into text (cells separated by tabs or runs of spaces). */
export function findTableRows(key: string, lines: TextLine[]): TableRow[] {
  const rows: TableRow[] = [];
  let columns: ColumnKind[] | null = null;
  for (const line of lines) {
    if (line.end - line.start > 2000 || !hasCellSeparator(key, line)) {
      columns = null;
      continue;
    }
    const cells = cellsOf(key, line);
    const header = headerColumns(key, cells);
    if (header) {
      columns = header;
      continue;
    }
    if (!columns) {
      continue;
    }
    if (cells.length < 2) {
      columns = null;
      continue;
    }
    const row = readRow(key, line, cells, columns);
    if (row) {
      rows.push(row);
    }
  }
  return rows;
}

function readRow(
  key: string,
  line: TextLine,
  cells: KeyRange[],
  columns: ColumnKind[],
): TableRow | null {
  const text = (r: KeyRange): string => key.slice(r.start, r.end);
  const serialAt = columns.indexOf('serial');
  let aligned: (KeyRange | undefined)[];
  if (cells.length === columns.length) {
    aligned = cells;
  } else if (cells.length < columns.length) {
    // A cell left empty in the source disappears when flattened: keep the serial and task on the
    // left, the time on the right, and the units in between.
    aligned = new Array<KeyRange | undefined>(columns.length).fill(undefined);
    const queue = [...cells];
    const deadlineAt = columns.indexOf('deadline');
    if (deadlineAt >= 0 && /\d|年|月|长期|持续|每/.test(text(queue[queue.length - 1]))) {
      aligned[deadlineAt] = queue.pop();
    }
    for (let c = 0; c < columns.length && queue.length > 0; c++) {
      if (aligned[c] === undefined && c !== deadlineAt) {
        aligned[c] = queue.shift();
      }
    }
  } else {
    return null;
  }
  const serialCell = serialAt >= 0 ? aligned[serialAt] : undefined;
  const serial = serialCell ? text(serialCell).replace(/[.、]$/, '') : '';
  if (serialAt >= 0 && !/^\d{1,3}$/.test(serial)) {
    return null;
  }
  const row: TableRow = { line, serial, cells: {} };
  columns.forEach((kind, c) => {
    const cell = aligned[c];
    if (cell && kind !== 'other' && kind !== 'serial' && row.cells[kind] === undefined) {
      row.cells[kind] = cell;
    }
  });
  return row.cells.task ? row : null;
}
