import { PlayCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Tag } from 'antd';
import { describeError } from '../../api/errors';
import { formatCount } from '../../shared/format';
import type { RunView } from './assessment-queries';
import { useAssessmentRun } from './assessment-queries';

const STATE_LABELS: Record<RunView['state'], string> = {
  queued: '排队中',
  running: '计算中',
  succeeded: '已完成',
  failed: '失败',
};
const STATE_COLORS: Record<RunView['state'], string> = {
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
};

function runSummary(run: RunView): string {
  if (run.state === 'succeeded') {
    return `参评 ${formatCount(run.assessedCount ?? 0)} 个部门，不参评 ${formatCount(run.notAssessedCount ?? 0)} 个，计分 ${formatCount(run.deltaCount ?? 0)} 项`;
  }
  if (run.state === 'failed') {
    return '考核计算失败，请稍后重试或联系管理员';
  }
  return '正在计算，完成后排名自动刷新';
}

/** 运行考核 (office only): starts the year's run and shows its state until it has finished. */
export default function RunControl({ year }: { year: number }) {
  const { start, running, startError, run } = useAssessmentRun(year);
  return (
    <Flex gap={12} align="center" wrap>
      <Button type="primary" icon={<PlayCircleOutlined />} loading={running} onClick={start}>
        运行考核
      </Button>
      {run && (
        <span role="status" aria-live="polite">
          <Tag color={STATE_COLORS[run.state]}>{STATE_LABELS[run.state]}</Tag>
          {runSummary(run)}
        </span>
      )}
      {startError && <Alert type="error" showIcon role="alert" title={describeError(startError)} />}
    </Flex>
  );
}
