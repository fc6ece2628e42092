import { PassThrough, Readable } from 'node:stream';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import type { TrafficLight } from '../overdue-board/traffic-light';
import type { LedgerFile } from './ledger-export.service';
import { styleLedgerRow } from './light-style';
import { csvLine } from './spreadsheet-cell';

/** One ledger line as a file writes it: its cells, and the light it is coloured by. */
export interface LedgerLine {
  values: (string | number)[];
  light: TrafficLight | null;
}

/** A ledger as CSV, a batch of lines per chunk, with a byte-order mark so Excel reads UTF-8. */
export function ledgerCsv(
  fileName: string,
  header: readonly string[],
  batches: AsyncIterable<LedgerLine[]>,
): LedgerFile {
  async function* chunks(): AsyncGenerator<string> {
    yield `\uFEFF${csvLine(header)}`;
    for await (const batch of batches) {
      yield batch.map((line) => csvLine(line.values)).join('');
    }
  }
  return {
    fileName,
    contentType: 'text/csv; charset=utf-8',
    body: Readable.from(chunks()),
  };
}

export interface LedgerSheet {
  name: string;
  header: string[];
  widths: number[];
  /** A bold title row above the header, merged across it. */
  title?: string;
}

/**
 * A ledger as a workbook coloured by light, streamed (ExcelJS's WorkbookWriter, rows committed as
 * they are written), yielding to other requests between batches and stopping when the client
 * goes away.
 */
export function ledgerXlsx(
  fileName: string,
  sheetSpec: LedgerSheet,
  batches: AsyncIterable<LedgerLine[]>,
): LedgerFile {
  const output = new PassThrough();
  const write = async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: output,
      useStyles: true,
      useSharedStrings: false,
    });
    workbook.creator = 'Duban';
    const sheet = workbook.addWorksheet(sheetSpec.name, {
      views: [{ state: 'frozen', ySplit: sheetSpec.title ? 2 : 1 }],
    });
    sheet.columns = sheetSpec.widths.map((width) => ({ width }));
    if (sheetSpec.title) {
      const title = sheet.addRow([sheetSpec.title]);
      title.font = { bold: true, size: 14 };
      sheet.mergeCells(1, 1, 1, sheetSpec.header.length);
      title.commit();
    }
    const header = sheet.addRow(sheetSpec.header);
    header.font = { bold: true };
    header.commit();
    for await (const batch of batches) {
      if (output.destroyed) {
        return; // The client went away: stop reading rows for it.
      }
      for (const line of batch) {
        // Plain values are written as text cells (t="inlineStr"), never as formulas.
        const added = sheet.addRow(line.values);
        styleLedgerRow(added, line.light);
        added.commit();
      }
      // Let other requests run between batches even when the next one is ready at once.
      await yieldToEventLoop();
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) =>
    output.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return {
    fileName,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: output,
  };
}
