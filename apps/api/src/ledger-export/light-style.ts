import type ExcelJS from 'exceljs';
import type { TrafficLight } from '../overdue-board/traffic-light';

/** The light's word in a ledger file, as the office says it. */
export const LIGHT_LABEL: Record<TrafficLight, string> = {
  red: '逾期',
  yellow: '临期',
  green: '正常',
};

const LIGHT_FILL: Record<TrafficLight, string> = {
  red: 'FFF4CCCC',
  yellow: 'FFFFF2CC',
  green: 'FFD9EAD3',
};

/** A ledger row as every ledger workbook writes it: wrapped text, coloured by its light. */
export function styleLedgerRow(row: ExcelJS.Row, light: TrafficLight | null): void {
  row.alignment = { wrapText: true, vertical: 'top' };
  if (light) {
    const fill = {
      type: 'pattern' as const,
      pattern: 'solid' as const,
      fgColor: { argb: LIGHT_FILL[light] },
    };
    row.eachCell((cell) => (cell.fill = fill));
  }
}
