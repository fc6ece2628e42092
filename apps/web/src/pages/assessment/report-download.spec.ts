import { reportFileName } from './report-download';

describe('reportFileName', () => {
  it('names the year, the kind and the scoring date in Chinese', () => {
    expect(reportFileName(2025, 'xlsx', '2026-01-15')).toBe(
      '2025年度考核结果（截至2026年1月15日）.xlsx',
    );
    expect(reportFileName(2025, 'html', '2025-12-31')).toBe(
      '2025年度考核报告（截至2025年12月31日）.html',
    );
  });

  it('leaves the date out when there is none or it is malformed', () => {
    expect(reportFileName(2026, 'xlsx')).toBe('2026年度考核结果.xlsx');
    expect(reportFileName(2026, 'html', '15/01/2026')).toBe('2026年度考核报告.html');
  });
});
