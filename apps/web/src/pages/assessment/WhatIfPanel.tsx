import { ExperimentOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Skeleton, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense, useMemo } from 'react';
import { ApiError, describeError } from '../../api/errors';
import type { ChartOption } from '../../shared/Chart';
import { formatScore } from '../../shared/format';
import { useWhatIf, useYearScheme, type WhatIfResult } from './assessment-queries';
import { chartHeight } from './RankingChart';
import { rankChangeMark } from './rank-change';
import { formToScheme, type SchemeForm, schemeToForm } from './scheme-draft';
import { schemeIssues } from './scheme-issues';
import SchemeFields from './SchemeForm';

const Chart = lazy(() => import('../../shared/Chart'));

type WhatIfEntry = WhatIfResult['departments'][number];

const CHANGE_COLORS = { up: '#389e0d', down: '#cf1322', same: undefined, none: undefined };

const COLUMNS: ColumnsType<WhatIfEntry> = [
  { title: '部门', dataIndex: 'departmentName' },
  {
    title: '现行方案',
    children: [
      {
        title: '名次',
        dataIndex: 'rankBefore',
        width: 70,
        render: (rank: number | null) => rank ?? '—',
      },
      { title: '得分', dataIndex: 'scoreBefore', align: 'right', width: 90, render: formatScore },
    ],
  },
  {
    title: '模拟方案',
    children: [
      { title: '名次', dataIndex: 'rank', width: 70, render: (rank: number | null) => rank ?? '—' },
      { title: '得分', dataIndex: 'score', align: 'right', width: 90, render: formatScore },
    ],
  },
  {
    title: '名次变化',
    dataIndex: 'rankChange',
    width: 90,
    render: (change: number | null) => {
      const mark = rankChangeMark(change);
      return (
        <span
          aria-label={mark.label}
          title={mark.label}
          style={{ color: CHANGE_COLORS[mark.direction], fontWeight: 600 }}
        >
          {mark.text}
        </span>
      );
    },
  },
];

/** Current and what-if scores of the assessed departments, two bars each, in what-if order. */
function comparisonOption(entries: readonly WhatIfEntry[]): ChartOption {
  const shown = entries
    .filter((entry) => entry.score !== null || entry.scoreBefore !== null)
    .reverse();
  const label = {
    show: true,
    position: 'right',
    formatter: (params: { value: unknown }) =>
      typeof params.value === 'number' ? formatScore(params.value) : '',
  };
  return {
    legend: { top: 0 },
    grid: { left: 8, right: 56, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', min: 0 },
    yAxis: { type: 'category', data: shown.map((entry) => entry.departmentName) },
    series: [
      {
        type: 'bar',
        name: '现行方案',
        data: shown.map((entry) => entry.scoreBefore),
        itemStyle: { color: '#bfbfbf' },
        label,
      },
      {
        type: 'bar',
        name: '模拟方案',
        data: shown.map((entry) => entry.score),
        itemStyle: { color: '#1677ff' },
        label,
      },
    ],
  };
}

function WhatIfOutcome({ result }: { result: WhatIfResult }) {
  const option = useMemo(() => comparisonOption(result.departments), [result]);
  const assessed = result.departments.filter((entry) => entry.score !== null).length;
  return (
    <Flex vertical gap={12} role="region" aria-label="模拟结果">
      <Typography.Text type="secondary">
        与{result.comparedWith === 'stored-run' ? '已公布的排名' : '现行方案的计算结果'}
        对比；模拟结果不保存。
      </Typography.Text>
      <Table<WhatIfEntry>
        rowKey="departmentId"
        size="small"
        bordered
        columns={COLUMNS}
        dataSource={[...result.departments]}
        pagination={false}
        scroll={{ x: 'max-content' }}
        aria-label="现行方案与模拟方案排名对比"
      />
      <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 200 }} />}>
        <Chart
          option={option}
          height={chartHeight(assessed * 2)}
          label={`现行方案与模拟方案得分对比柱状图，共 ${assessed} 个参评部门`}
        />
      </Suspense>
    </Flex>
  );
}

/**
 * 模拟测算 (office only): the scheme in force as a form; the edited scheme is ranked by the api's
 * what-if (nothing saved) and shown beside the current ranking with each department's move.
 */
export default function WhatIfPanel({ year }: { year: number }) {
  const scheme = useYearScheme(year, true);
  const whatIf = useWhatIf(year);
  const [form] = Form.useForm<SchemeForm>();
  const inForce = scheme.data?.scheme;
  const initial = useMemo(() => (inForce ? schemeToForm(inForce) : undefined), [inForce]);

  const body = scheme.isPending ? (
    <Skeleton active />
  ) : scheme.isError || !inForce || !initial ? (
    <Alert type="warning" showIcon title={describeError(scheme.error)} />
  ) : (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">
        现行方案：{scheme.data.source}。修改下列参数后点击“模拟测算”，查看各部门名次如何变化。
      </Typography.Text>
      <Form<SchemeForm>
        key={year}
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(values) =>
          whatIf.mutate(formToScheme(inForce, values), {
            // A refused scheme's fields are shown beside their inputs, not only in the alert.
            onError: (error) => {
              if (error instanceof ApiError) {
                form.setFields(
                  schemeIssues(error.detail).map((issue) => ({
                    name: issue.field,
                    errors: [issue.message],
                  })),
                );
              }
            },
          })
        }
        aria-label="模拟考核方案"
      >
        <SchemeFields form={form} method={inForce.method} />
        <Flex gap={8}>
          <Button
            type="primary"
            htmlType="submit"
            icon={<ExperimentOutlined />}
            loading={whatIf.isPending}
          >
            模拟测算
          </Button>
          <Button
            icon={<UndoOutlined />}
            onClick={() => {
              form.resetFields();
              whatIf.reset();
            }}
          >
            恢复现行方案
          </Button>
        </Flex>
      </Form>
      {whatIf.isError && (
        <Alert type="error" showIcon role="alert" title={describeError(whatIf.error)} />
      )}
      {whatIf.data && <WhatIfOutcome result={whatIf.data} />}
    </Flex>
  );
  return <Card title={`${year}年度模拟测算（调整考核方案）`}>{body}</Card>;
}
