import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { formatPoints } from '@duban/scoring';
import { flattenScheme, type ReportData, type ReportDepartment } from './report-data.query';
import { METHOD_LABELS, NOT_ASSESSED_LABELS, ROLE_LABELS, RULE_LABELS } from './report-labels';

/** Excel limits a sheet name to 31 characters and forbids these. */
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;
const SHEET_NAME_MAX = 31;

/**
 * The year's workbook: a ranking sheet, one breakdown sheet per department (every delta with its
 * task, rule, date and event) and the scheme used. Written with exceljs's streaming writer, so a
 * year of millions of deltas is not held as a workbook object in memory.
 */
export async function buildXlsxReport(data: ReportData): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    output.on('end', resolve);
    output.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Duban';
  workbook.created = new Date(data.computedAt);

  const ranking = workbook.addWorksheet('排名 Ranking');
  ranking.columns = [
    { header: '名次 Rank', key: 'rank', width: 10 },
    { header: '单位 Department', key: 'name', width: 36 },
    { header: '得分 Score', key: 'score', width: 12 },
    { header: '状态 Status', key: 'status', width: 36 },
    { header: '明细表 Sheet', key: 'sheet', width: 34 },
  ];
  ranking.getRow(1).font = { bold: true };
  const sheetNames = uniqueSheetNames(data.departments);
  data.departments.forEach((department, index) => {
    ranking
      .addRow({
        rank: department.rank ?? '—',
        name: department.name,
        score: department.score,
        status: statusLabel(department),
        sheet: sheetNames[index],
      })
      .commit();
  });
  ranking.addRow([]).commit();
  ranking
    .addRow([
      `${data.year} 年度考核 · 方法 ${METHOD_LABELS[data.method] ?? data.method} · 计分日 ${data.asOf}`,
    ])
    .commit();
  ranking.commit();

  data.departments.forEach((department, index) => {
    const sheet = workbook.addWorksheet(sheetNames[index]);
    sheet.columns = [
      { key: 'numberPath', width: 12 },
      { key: 'title', width: 40 },
      { key: 'rule', width: 16 },
      { key: 'role', width: 8 },
      { key: 'date', width: 12 },
      { key: 'deadline', width: 12 },
      { key: 'period', width: 10 },
      { key: 'points', width: 10 },
      { key: 'eventId', width: 38 },
    ];
    sheet.addRow([department.name]).commit();
    sheet
      .addRow([
        department.status === 'assessed'
          ? `名次 ${department.rank ?? '—'} · 基础分 ${formatPoints(department.base ?? 0)} · 得分 ${formatPoints(department.score ?? 0)}`
          : statusLabel(department),
      ])
      .commit();
    const header = sheet.addRow([
      '任务编号',
      '任务',
      '规则 Rule',
      '角色',
      '日期 Date',
      '期限 Deadline',
      '报送期',
      '分值 Points',
      '事件 Event',
    ]);
    header.font = { bold: true };
    header.commit();
    for (const delta of department.deltas) {
      sheet
        .addRow({
          numberPath: delta.numberPath ?? '',
          title: delta.title ?? delta.taskId ?? '',
          rule: RULE_LABELS[delta.rule],
          role: delta.role === null ? '' : ROLE_LABELS[delta.role],
          date: delta.date,
          deadline: delta.deadline ?? '',
          period: delta.period ?? '',
          points: delta.points,
          eventId: delta.eventId ?? '',
        })
        .commit();
    }
    if (department.status === 'assessed') {
      sheet.addRow(['', '合计 Total', '', '', '', '', '', department.score]).commit();
    }
    sheet.commit();
  });

  const schemeSheet = workbook.addWorksheet('考核方案 Scheme');
  schemeSheet.columns = [
    { header: '字段 Field', key: 'field', width: 40 },
    { header: '值 Value', key: 'value', width: 20 },
  ];
  schemeSheet.addRow({ field: 'source', value: data.schemeSource }).commit();
  for (const [field, value] of flattenScheme(data.scheme)) {
    schemeSheet.addRow({ field, value }).commit();
  }
  schemeSheet.commit();

  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

function statusLabel(department: ReportDepartment): string {
  return department.status === 'assessed'
    ? '参加考核'
    : (NOT_ASSESSED_LABELS[department.notAssessedReason ?? ''] ?? '不参加考核');
}

/** `<rank> <name>` cut to Excel's limit, made unique with a counter when two collide. */
function uniqueSheetNames(departments: readonly ReportDepartment[]): string[] {
  const used = new Set<string>(['排名 Ranking', '考核方案 Scheme']);
  return departments.map((department) => {
    const base = `${department.rank ?? '—'} ${department.name}`
      .replace(SHEET_NAME_FORBIDDEN, '_')
      .slice(0, SHEET_NAME_MAX);
    let name = base;
    for (let counter = 2; used.has(name.toLowerCase()) || used.has(name); counter += 1) {
      const suffix = ` (${counter})`;
      name = `${base.slice(0, SHEET_NAME_MAX - suffix.length)}${suffix}`;
    }
    used.add(name);
    used.add(name.toLowerCase());
    return name;
  });
}
