import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { forwardRef, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { formatDate, formatDateTime, RATING_LABELS } from '../../shared/format';
import { type ApprovalItem, ageLabel, ageTone, KIND_LABELS } from './approval-inbox';
import type { QualityRating } from './approval-actions';

const RATINGS: readonly QualityRating[] = ['excellent', 'good', 'fair', 'poor'];
const AGE_COLORS = { default: undefined, warning: 'orange', error: 'red' } as const;

interface Props {
  item: ApprovalItem;
  busy: boolean;
  onApprove: (rating: QualityRating) => void;
  onReturn: () => void;
  onDecideExtension: (approve: boolean) => void;
  onKeyDown: (event: KeyboardEvent<HTMLLIElement>) => void;
}

/** One item of the queue: what was asked for, by whom and how long ago, and the decisions. */
export const ApprovalCard = forwardRef<HTMLLIElement, Props>(function ApprovalCard(
  { item, busy, onApprove, onReturn, onDecideExtension, onKeyDown },
  ref,
) {
  const label = `${KIND_LABELS[item.kind]}：${item.task.number} ${item.task.title}（${item.department.name}）`;
  return (
    <li
      ref={ref}
      tabIndex={0}
      aria-label={label}
      data-approval-id={item.id}
      onKeyDown={onKeyDown}
      style={{ listStyle: 'none', marginBottom: 12, borderRadius: 8 }}
    >
      <Card
        size="small"
        title={
          <Space wrap>
            <Tag color={item.kind === 'completion' ? 'blue' : 'purple'}>
              {KIND_LABELS[item.kind]}
            </Tag>
            <Link to={`/tasks/${item.task.id}`} tabIndex={-1}>
              {item.task.number} {item.task.title}
            </Link>
          </Space>
        }
        extra={<Tag color={AGE_COLORS[ageTone(item.ageDays)]}>{ageLabel(item.ageDays)}</Tag>}
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="承办部门">{item.department.name}</Descriptions.Item>
          <Descriptions.Item label="提交时间">{formatDateTime(item.submittedAt)}</Descriptions.Item>
          {item.extension && (
            <>
              <Descriptions.Item label="原完成时限">
                {formatDate(item.extension.previousDeadline)}
              </Descriptions.Item>
              <Descriptions.Item label="申请延至">
                {formatDate(item.extension.requestedDeadline)}
              </Descriptions.Item>
            </>
          )}
        </Descriptions>
        {item.evidence !== null && (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
            <Typography.Text type="secondary">办结佐证：</Typography.Text>
            {item.evidence}
          </Typography.Paragraph>
        )}
        {item.extension && (
          <>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
              <Typography.Text type="secondary">延期理由：</Typography.Text>
              {item.extension.reason}
            </Typography.Paragraph>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
              <Typography.Text type="secondary">当前进展：</Typography.Text>
              {item.extension.progress}
            </Typography.Paragraph>
          </>
        )}
        {item.kind === 'completion' ? (
          <Space wrap role="group" aria-label={`审批 ${item.task.number} 的办结申报`}>
            <Typography.Text>批准并评定质量：</Typography.Text>
            {RATINGS.map((rating) => (
              <Button
                key={rating}
                type={rating === 'excellent' ? 'primary' : 'default'}
                disabled={busy}
                aria-label={`批准办结，评为${RATING_LABELS[rating]}`}
                onClick={() => onApprove(rating)}
              >
                {RATING_LABELS[rating]}
              </Button>
            ))}
            <Button danger disabled={busy} aria-label="退办" onClick={onReturn}>
              退办
            </Button>
          </Space>
        ) : (
          <Space wrap role="group" aria-label={`审批 ${item.task.number} 的延期申请`}>
            <Button type="primary" disabled={busy} onClick={() => onDecideExtension(true)}>
              批准延期
            </Button>
            <Button danger disabled={busy} onClick={() => onDecideExtension(false)}>
              驳回延期
            </Button>
          </Space>
        )}
      </Card>
    </li>
  );
});
