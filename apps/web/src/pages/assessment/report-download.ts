/** The report files' names, in Chinese, as the office files them. */

export type ReportFormat = 'xlsx' | 'html';

export const REPORT_FORMAT_LABELS: Record<ReportFormat, string> = {
  xlsx: '结果表（Excel）',
  html: '考核报告（网页版）',
};

const KINDS: Record<ReportFormat, string> = {
  xlsx: '考核结果',
  html: '考核报告',
};

/**
 * `2025年度考核结果（截至2026年1月15日）.xlsx`: the year, what it is and the scoring date, so
 * two downloads of different runs do not look alike. asOf is the run's YYYY-MM-DD.
 */
export function reportFileName(year: number, format: ReportFormat, asOf?: string | null): string {
  const match = asOf ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf) : null;
  const when = match ? `（截至${match[1]}年${Number(match[2])}月${Number(match[3])}日）` : '';
  return `${year}年度${KINDS[format]}${when}.${format}`;
}
