import { Alert, Card, Empty, Flex, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { describeError } from '../../api/errors';
import { isOffice, useUser } from '../../auth/session';
import { formatDate, formatDateTime, todayInBeijing } from '../../shared/format';
import { type StoredRanking, useRanking } from './assessment-queries';
import BreakdownDrawer from './BreakdownDrawer';
import RankingChart from './RankingChart';
import RankingTable from './RankingTable';
import ReportDownloads from './ReportDownloads';
import RunControl from './RunControl';
import WhatIfPanel from './WhatIfPanel';
import { parseYearParam, YEAR_PARAM, yearChoices } from './year-param';

const METHOD_LABELS: Record<string, string> = {
  points: '计分法',
  'weighted-share': '加权完成率法',
};

function RankingHeader({ ranking }: { ranking: StoredRanking }) {
  return (
    <Typography.Text type="secondary">
      计分截止 {formatDate(ranking.asOf)} · {METHOD_LABELS[ranking.method] ?? ranking.method} · 方案{' '}
      {ranking.schemeSource} · 计算于 {formatDateTime(ranking.computedAt)}
    </Typography.Text>
  );
}

/** 年度考核: the office runs the year and tries other schemes; leaders read the ranking. */
export default function AssessmentPage() {
  const user = useUser();
  const office = isOffice(user.role);
  const [params, setParams] = useSearchParams();
  const today = todayInBeijing();
  const year = parseYearParam(params.get(YEAR_PARAM), today);
  const ranking = useRanking(year);
  const [detail, setDetail] = useState<string | null>(null);

  const chooseYear = (next: number) => {
    setDetail(null);
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        updated.set(YEAR_PARAM, String(next));
        return updated;
      },
      { replace: false },
    );
  };

  const entries = ranking.data?.departments ?? [];

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex gap={16} align="center" wrap>
          <label htmlFor="assessment-year">考核年度</label>
          <Select<number>
            id="assessment-year"
            aria-label="考核年度"
            value={year}
            style={{ width: 120 }}
            options={yearChoices(today, year).map((choice) => ({
              value: choice,
              label: `${choice}年`,
            }))}
            onChange={chooseYear}
          />
          {office && <RunControl year={year} />}
          {office && ranking.data && (
            <div style={{ marginLeft: 'auto' }}>
              <ReportDownloads year={year} asOf={ranking.data.asOf} />
            </div>
          )}
        </Flex>
      </Card>

      <Card title={`${year}年度考核排名`}>
        {ranking.isPending ? (
          <Skeleton active />
        ) : ranking.isError ? (
          <Alert type="error" showIcon role="alert" title={describeError(ranking.error)} />
        ) : ranking.data === null ? (
          <Empty
            description={
              office ? '该年度尚未运行考核，请点击“运行考核”' : '该年度尚未运行考核，暂无排名'
            }
          />
        ) : (
          <Flex vertical gap={16}>
            <RankingHeader ranking={ranking.data} />
            <RankingChart entries={entries} year={year} onDetail={setDetail} />
            <RankingTable entries={entries} onDetail={setDetail} />
          </Flex>
        )}
      </Card>

      {/* Without a stored ranking the what-if compares with the year's own scheme, so it is offered too. */}
      {office && !ranking.isPending && <WhatIfPanel year={year} />}

      <BreakdownDrawer year={year} departmentId={detail} onClose={() => setDetail(null)} />
    </Flex>
  );
}
