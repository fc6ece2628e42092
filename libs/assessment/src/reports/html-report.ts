import { formatPoints } from '@duban/scoring';
import { flattenScheme, type ReportData } from './report-data.query';
import { METHOD_LABELS, NOT_ASSESSED_LABELS } from './report-labels';

const BAR_HEIGHT = 22;
const BAR_GAP = 6;
const LABEL_WIDTH = 260;
const CHART_WIDTH = 520;
const SCORE_WIDTH = 70;

/** Text for HTML or SVG content and attribute values: nothing in a name can become markup. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * A page a leader opens in any browser: the ranking as an SVG bar chart and a table, and the scheme
 * used. One self-contained file: inline style, inline SVG, no script, no external asset.
 */
export function buildHtmlReport(data: ReportData): string {
  const title = `${data.year} 年度绩效考核排名`;
  const assessed = data.departments.filter((d) => d.status === 'assessed');
  const maxScore = Math.max(100, ...assessed.map((d) => d.score ?? 0));

  const bars = assessed
    .map((department, index) => {
      const y = index * (BAR_HEIGHT + BAR_GAP);
      const width = Math.max(0, ((department.score ?? 0) / maxScore) * CHART_WIDTH);
      const label = `${department.rank ?? ''}. ${department.name}`;
      return [
        `<g transform="translate(0 ${y})">`,
        `<title>${escapeHtml(`${label}: ${formatPoints(department.score ?? 0)}`)}</title>`,
        `<text x="${LABEL_WIDTH - 8}" y="${BAR_HEIGHT / 2}" text-anchor="end" dominant-baseline="middle">${escapeHtml(label)}</text>`,
        `<rect x="${LABEL_WIDTH}" y="0" width="${width.toFixed(1)}" height="${BAR_HEIGHT}" class="bar"/>`,
        `<text x="${(LABEL_WIDTH + width + 6).toFixed(1)}" y="${BAR_HEIGHT / 2}" dominant-baseline="middle">${formatPoints(department.score ?? 0)}</text>`,
        `</g>`,
      ].join('');
    })
    .join('\n');
  const chartHeight = Math.max(1, assessed.length) * (BAR_HEIGHT + BAR_GAP);
  const chartWidth = LABEL_WIDTH + CHART_WIDTH + SCORE_WIDTH;

  const rows = data.departments
    .map((department) => {
      const status =
        department.status === 'assessed'
          ? formatPoints(department.score ?? 0)
          : (NOT_ASSESSED_LABELS[department.notAssessedReason ?? ''] ?? '不参加考核');
      return `<tr><td>${department.rank ?? '—'}</td><td>${escapeHtml(department.name)}</td><td>${escapeHtml(status)}</td></tr>`;
    })
    .join('\n');
  const scheme = flattenScheme(data.scheme)
    .map(([field, value]) => `<tr><td>${escapeHtml(field)}</td><td>${escapeHtml(value)}</td></tr>`)
    .join('\n');

  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; margin: 2rem; color: #1f2933; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
.meta { color: #52606d; }
table { border-collapse: collapse; min-width: 28rem; }
th, td { border: 1px solid #cbd2d9; padding: 0.3rem 0.6rem; text-align: left; }
th { background: #f0f4f8; }
svg text { font-size: 12px; fill: #1f2933; }
svg .bar { fill: #2f6fb0; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(`考核方法 ${METHOD_LABELS[data.method] ?? data.method} · 计分日 ${data.asOf} · 方案 ${data.schemeSource} · 计算于 ${data.computedAt}`)}</p>
<h2>得分 Scores</h2>
<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(`${title}: 各单位得分`)}" width="${chartWidth}" height="${chartHeight}" viewBox="0 0 ${chartWidth} ${chartHeight}">
${bars}
</svg>
<h2>排名 Ranking</h2>
<table>
<thead><tr><th>名次</th><th>单位</th><th>得分</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>考核方案 Scheme</h2>
<table>
<thead><tr><th>字段</th><th>值</th></tr></thead>
<tbody>
${scheme}
</tbody>
</table>
</body>
</html>
`;
}
