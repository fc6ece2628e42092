import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import {
  ASSIGNMENT_ROLE_LABELS,
  formatDate,
  formatDateTime,
  label,
  RATING_LABELS,
  TASK_STATUS_LABELS,
  todayInBeijing,
} from '../../shared/format';
import { RecordList } from './RecordList';
import type { TaskDetail } from './task-queries';

const STATUS_COLORS: Record<string, string> = {
  open: 'processing',
  completion_pending: 'warning',
  completed: 'success',
  cancelled: 'default',
};

/** Overdue: open past its deadline (the board's rule, by Beijing's calendar). */
function isOverdue(task: TaskDetail, today: string): boolean {
  return (
    task.deadline !== null &&
    task.deadline < today &&
    (task.status === 'open' || task.status === 'completion_pending')
  );
}

/** The task itself: plan and number, status, deadline, departments with 签收, targets, text. */
export function TaskSummary({ task }: { task: TaskDetail }) {
  const overdue = isOverdue(task, todayInBeijing());
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'normal' }}>
          {task.title}
        </Typography.Title>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag color={STATUS_COLORS[task.status]}>{label(TASK_STATUS_LABELS, task.status)}</Tag>
        {overdue && <Tag color="error">已逾期</Tag>}
        {task.qualityRating && (
          <Tag color="gold">评定：{label(RATING_LABELS, task.qualityRating)}</Tag>
        )}
        {task.recurrence === 'yearly' && <Tag>每年</Tag>}
      </Space>
      <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small" bordered>
        <Descriptions.Item label="所属计划">
          {task.plan.title}
          {task.plan.docNumber && `（${task.plan.docNumber}）`}
        </Descriptions.Item>
        <Descriptions.Item label="任务编号">{task.number}</Descriptions.Item>
        <Descriptions.Item label="完成时限">
          {formatDate(task.deadline)}
          {task.deadlinePhrase && (
            <Typography.Text type="secondary">（原文：{task.deadlinePhrase}）</Typography.Text>
          )}
        </Descriptions.Item>
        {task.completedAt && (
          <Descriptions.Item label="办结时间">{formatDateTime(task.completedAt)}</Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        责任单位
      </Typography.Title>
      <RecordList
        items={task.assignments}
        empty="尚未分配责任单位"
        itemKey={(assignment) => assignment.departmentId}
        render={(assignment) => (
          <>
            <Space wrap>
              <Tag color={assignment.role === 'lead' ? 'blue' : 'default'}>
                {label(ASSIGNMENT_ROLE_LABELS, assignment.role)}
              </Tag>
              <span>{assignment.name}</span>
              {assignment.acknowledgedAt ? (
                <Typography.Text type="success">
                  已签收 {formatDateTime(assignment.acknowledgedAt)}
                </Typography.Text>
              ) : (
                <Typography.Text type="warning">未签收</Typography.Text>
              )}
            </Space>
          </>
        )}
      />
      {task.targets.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            量化指标
          </Typography.Title>
          <ul style={{ paddingInlineStart: 20, margin: 0 }}>
            {task.targets.map((target, index) => (
              <li key={index}>{target.phrase}</li>
            ))}
          </ul>
        </>
      )}
      {task.body && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            任务内容
          </Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
            {task.body}
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
