import { Typography } from 'antd';
import { Link } from 'react-router';
import { formatCount, LIGHT_COLORS, LIGHT_LABELS } from '../../shared/format';
import { barSegments, type DepartmentRow, ledgerLink } from './board-view';

/**
 * The worst departments as stacked CSS bars (red, yellow, green), one scale for all: light
 * enough for the board's first load, where a chart library would double the download.
 */
export default function DepartmentBars({ rows }: { rows: readonly DepartmentRow[] }) {
  const widest = Math.max(0, ...rows.map((row) => row.red + row.yellow + row.green));
  if (rows.length === 0) {
    return <Typography.Text type="secondary">暂无在办任务</Typography.Text>;
  }
  return (
    <ol aria-label="逾期最多的责任单位" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {rows.map((row) => {
        const segments = barSegments(row, widest);
        const summary = segments
          .map((segment) => `${LIGHT_LABELS[segment.light]} ${segment.count}`)
          .join('，');
        return (
          <li
            key={row.departmentId}
            style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 6 }}
          >
            <Link
              to={ledgerLink({ departmentId: row.departmentId })}
              style={{
                width: 160,
                flex: 'none',
                overflow: 'hidden',
                textOverflow: 'ellipsis',
                whiteSpace: 'nowrap',
              }}
              title={row.name}
            >
              {row.name}
            </Link>
            <div
              role="img"
              aria-label={`${row.name}：${summary || '无在办任务'}`}
              style={{ flex: 1, display: 'flex', height: 16, background: '#fafafa' }}
            >
              {segments.map((segment) => (
                <span
                  key={segment.light}
                  style={{
                    width: `${segment.percent}%`,
                    background: LIGHT_COLORS[segment.light],
                    minWidth: 2,
                  }}
                />
              ))}
            </div>
            <span style={{ width: 48, textAlign: 'right', flex: 'none' }}>
              {formatCount(row.red + row.yellow + row.green)}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
