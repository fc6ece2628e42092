import ExcelJS from 'exceljs';
import { buildHtmlReport, escapeHtml } from './html-report';
import type { ReportData, ReportDepartment } from './report-data.query';
import { buildXlsxReport } from './xlsx-report';

const department = (overrides: Partial<ReportDepartment>): ReportDepartment => ({
  departmentId: 'd',
  name: '市科技局',
  status: 'assessed',
  rank: 1,
  base: 80,
  score: 82,
  notAssessedReason: null,
  deltas: [],
  ...overrides,
});

const sut = (departments: ReportDepartment[]): ReportData => ({
  year: 2025,
  runId: 'run',
  asOf: '2026-01-15',
  method: 'points',
  schemeSource: 'config/assessment/2025.yaml',
  scheme: { year: 2025, method: 'points', points: { base: 80, quality: { appliesTo: ['lead'] } } },
  computedAt: '2026-01-16T02:00:00.000Z',
  departments,
});

describe('HTML report', () => {
  it('escapes every character that could start markup', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('draws one bar per assessed department, scaled to the highest of 100 and the top score', () => {
    const page = buildHtmlReport(
      sut([
        department({ departmentId: 'a', name: '市发展改革委', rank: 1, score: 100 }),
        department({ departmentId: 'b', name: '市工信委', rank: 2, score: 50 }),
        department({
          departmentId: 'c',
          name: '市教育局',
          status: 'not_assessed',
          rank: null,
          score: null,
          notAssessedReason: 'no_tasks_in_year',
        }),
      ]),
    );
    // The chart is 520 px wide: 100 points fill it, 50 points half of it.
    expect(page.match(/<rect [^>]*width="([\d.]+)"/g)).toEqual([
      '<rect x="260" y="0" width="520.0"',
      '<rect x="260" y="0" width="260.0"',
    ]);
    expect(page).toContain('<td>—</td><td>市教育局</td><td>不参加考核（本年度无任务）</td>');
    expect(page).toContain('<td>points.quality.appliesTo</td><td>lead</td>');
  });

  it('keeps a hostile department name as text and loads nothing from outside', () => {
    const page = buildHtmlReport(
      sut([department({ name: '<img src=https://evil.example/x onerror=alert(1)>' })]),
    );
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;img src=https://evil.example/x onerror=alert(1)&gt;');
    expect(page).not.toMatch(/<(script|link|img|iframe)\b/);
    expect(page).not.toMatch(/(src|href)="/);
  });
});

describe('xlsx report', () => {
  it('names one sheet per department within Excel limits, unique even when names collide', async () => {
    const long = '新疆生产建设兵团第十二师工业和信息化局（科技局、商务局、统计局）';
    const buffer = await buildXlsxReport(
      sut([
        department({ departmentId: 'a', name: long, rank: 1 }),
        department({ departmentId: 'b', name: `${long}二`, rank: 1 }),
        department({ departmentId: 'c', name: 'a/b:c', rank: 3 }),
      ]),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as never);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names).toHaveLength(5);
    expect(names[0]).toBe('排名 Ranking');
    expect(names[4]).toBe('考核方案 Scheme');
    expect(names[1]).toBe(`1 ${long}`.slice(0, 31));
    expect(names[2]).toBe(`${`1 ${long}`.slice(0, 27)} (2)`);
    expect(names[3]).toBe('3 a_b_c');
    expect(names.every((name) => name.length <= 31)).toBe(true);
  });
});
