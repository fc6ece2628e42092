import { Skeleton } from 'antd';
import { lazy, Suspense, useCallback, useMemo } from 'react';
import type { ChartOption } from '../../shared/Chart';
import { formatScore } from '../../shared/format';
import type { RankingEntry } from './assessment-queries';

// ECharts is loaded with this page only, not with the console's first screen.
const Chart = lazy(() => import('../../shared/Chart'));

const BAR_COLOR = '#1677ff';
const ROW_HEIGHT = 36;

/** Assessed departments by rank (best on top), one horizontal bar per score. */
function rankingOption(entries: readonly RankingEntry[]): ChartOption {
  const ranked = entries.filter((entry) => entry.score !== null);
  // ECharts draws a category axis bottom-up; reversed, the first place is on top.
  const shown = [...ranked].reverse();
  return {
    grid: { left: 8, right: 56, top: 8, bottom: 28, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value: unknown) => (typeof value === 'number' ? formatScore(value) : ''),
    },
    // From zero: a bar's length is the score, so a shorter bar never exaggerates a small gap.
    xAxis: { type: 'value', name: '得分', nameLocation: 'middle', nameGap: 24, min: 0 },
    yAxis: { type: 'category', data: shown.map((entry) => entry.departmentName) },
    series: [
      {
        type: 'bar',
        name: '得分',
        data: shown.map((entry) => entry.score),
        itemStyle: { color: BAR_COLOR },
        label: {
          show: true,
          position: 'right',
          formatter: (params: { value: unknown }) =>
            typeof params.value === 'number' ? formatScore(params.value) : '',
        },
        cursor: 'pointer',
      },
    ],
  };
}

export function chartHeight(count: number): number {
  return Math.max(160, count * ROW_HEIGHT + 40);
}

interface RankingChartProps {
  entries: readonly RankingEntry[];
  year: number;
  /** A bar was clicked: its department's id. */
  onDetail: (departmentId: string) => void;
}

export default function RankingChart({ entries, year, onDetail }: RankingChartProps) {
  const option = useMemo(() => rankingOption(entries), [entries]);
  // The chart reports the bar's category, the department's name (unique among departments).
  const openByName = useCallback(
    (name: string) => {
      const entry = entries.find((candidate) => candidate.departmentName === name);
      if (entry) {
        onDetail(entry.departmentId);
      }
    },
    [entries, onDetail],
  );
  const assessed = entries.filter((entry) => entry.score !== null).length;
  const height = chartHeight(assessed);
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height }} />}>
      <Chart
        option={option}
        height={height}
        label={`${year}年度考核得分排名柱状图，共 ${assessed} 个参评部门；点击柱条查看得分明细`}
        onBarClick={openByName}
      />
    </Suspense>
  );
}
