import { Alert, Descriptions, Drawer, Empty, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { describeError } from '../../api/errors';
import { ASSIGNMENT_ROLE_LABELS, formatDate, formatScore, label } from '../../shared/format';
import { useBreakdown } from './assessment-queries';
import {
  type BreakdownCheck,
  checkBreakdown,
  type DeltaView,
  type DepartmentBreakdown,
  RULE_LABELS,
  signedPoints,
} from './score-breakdown';

const signed = (points: number) => signedPoints(points, formatScore);

/** A reporting period YYYY-MM as 2025年3月. */
function periodLabel(period: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  return match ? `${match[1]}年${Number(match[2])}月` : period;
}

// The points come second, so a phone shows them without scrolling the table sideways.
const DELTA_COLUMNS: ColumnsType<DeltaView> = [
  { title: '计分规则', dataIndex: 'rule', render: (rule: string) => label(RULE_LABELS, rule) },
  {
    title: '分值',
    dataIndex: 'points',
    align: 'right',
    width: 90,
    render: (points: number) => signed(points),
  },
  {
    title: '角色',
    dataIndex: 'role',
    width: 70,
    render: (role: string | null) => label(ASSIGNMENT_ROLE_LABELS, role),
  },
  {
    title: '依据',
    key: 'basis',
    render: (_: unknown, delta) =>
      delta.period
        ? `${periodLabel(delta.period)}进展，应报日 ${formatDate(delta.date)}`
        : delta.deadline
          ? `时限 ${formatDate(delta.deadline)}，${delta.eventId ? '办结' : '计分'}于 ${formatDate(delta.date)}`
          : formatDate(delta.date),
  },
  {
    title: '事件',
    dataIndex: 'eventId',
    width: 100,
    render: (eventId: string | null) =>
      eventId ? (
        <Typography.Text code title={eventId}>
          {eventId.slice(0, 8)}
        </Typography.Text>
      ) : (
        '按日历'
      ),
  },
];

function CheckAlert({ check }: { check: BreakdownCheck }) {
  const parts = [`基础分 ${formatScore(check.base)}`, `${signed(check.tasksTotal)}（各任务）`];
  if (check.adjustmentsTotal !== 0) {
    parts.push(`${signed(check.adjustmentsTotal)}（封顶/保底）`);
  }
  const sum = `${parts.join(' ')} = ${formatScore(check.computed)}`;
  if (check.addsUp) {
    return <Alert type="success" showIcon title={`核对无误：${sum}，与总分一致`} />;
  }
  const problems = [
    ...check.taskMismatches.map(
      (mismatch) =>
        `有一项任务的明细合计 ${formatScore(mismatch.summed)} 与其得分 ${formatScore(mismatch.stated)} 不符`,
    ),
    check.rawMatches ? null : '基础分加各任务得分与原始得分不符',
    check.stated === null
      ? null
      : `合计 ${formatScore(check.computed)} 与总分 ${formatScore(check.stated)} 不符`,
  ].filter((problem): problem is string => problem !== null);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={`核对不符：${sum}`}
      description={problems.join('；')}
    />
  );
}

function BreakdownBody({ breakdown }: { breakdown: DepartmentBreakdown }) {
  if (breakdown.status === 'not_assessed') {
    return <Empty description={`本年度不参评：${breakdown.notAssessedReason ?? '没有到期任务'}`} />;
  }
  const check = checkBreakdown(breakdown);
  return (
    <Flex vertical gap={16}>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label="名次">{breakdown.rank ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="总分">{formatScore(breakdown.score)}</Descriptions.Item>
        <Descriptions.Item label="基础分">{formatScore(check.base)}</Descriptions.Item>
        <Descriptions.Item label="各任务合计">{signed(check.tasksTotal)}</Descriptions.Item>
        {breakdown.adjustments.map((adjustment) => (
          <Descriptions.Item key={adjustment.rule} label={label(RULE_LABELS, adjustment.rule)}>
            {signed(adjustment.points)}
          </Descriptions.Item>
        ))}
      </Descriptions>
      <CheckAlert check={check} />
      {breakdown.tasks.map((task) => (
        <section key={task.taskId} aria-label={`任务 ${task.title ?? task.taskId} 的计分`}>
          <Flex justify="space-between" align="baseline" gap={8}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {task.numberPath && <Tag>{task.numberPath}</Tag>}
              <Link to={`/tasks/${task.taskId}`}>{task.title ?? '（任务已删除）'}</Link>
            </Typography.Title>
            <Typography.Text strong>{signed(task.points)}</Typography.Text>
          </Flex>
          <Table<DeltaView>
            size="small"
            rowKey={(delta) =>
              `${delta.rule}-${delta.eventId ?? ''}-${delta.date}-${delta.period ?? ''}`
            }
            columns={DELTA_COLUMNS}
            dataSource={task.deltas}
            pagination={false}
            scroll={{ x: 'max-content' }}
            style={{ marginTop: 8 }}
          />
        </section>
      ))}
    </Flex>
  );
}

interface BreakdownDrawerProps {
  year: number;
  departmentId: string | null;
  onClose: () => void;
}

/** One department's score down to every task, event and rule, with a check that it adds up. */
export default function BreakdownDrawer({ year, departmentId, onClose }: BreakdownDrawerProps) {
  const breakdown = useBreakdown(year, departmentId);
  return (
    <Drawer
      open={departmentId !== null}
      onClose={onClose}
      size={720}
      title={breakdown.data ? `${breakdown.data.departmentName} · ${year}年度得分明细` : '得分明细'}
      closable={{ 'aria-label': '关闭得分明细' }}
    >
      {breakdown.isPending ? (
        <Skeleton active />
      ) : breakdown.isError ? (
        <Alert type="error" showIcon role="alert" title={describeError(breakdown.error)} />
      ) : (
        <BreakdownBody breakdown={breakdown.data} />
      )}
    </Drawer>
  );
}
