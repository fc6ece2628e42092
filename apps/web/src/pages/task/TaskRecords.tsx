import { Card, Empty, Progress, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatDate, formatDateTime, label, RATING_LABELS } from '../../shared/format';
import {
  AUDIT_ACTION_LABELS,
  COMPLETION_STATE_LABELS,
  EXTENSION_STATE_LABELS,
  REMINDER_KIND_LABELS,
  REMINDER_STATE_LABELS,
  REPORT_STATE_LABELS,
} from './task-labels';
import { RecordList } from './RecordList';
import type { TaskDetail, TaskHistoryEntry, TaskReminder } from './task-queries';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card title={title} size="small" style={{ marginTop: 16 }}>
      {children}
    </Card>
  );
}

function Text({ children }: { children: string }) {
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
      {children}
    </Typography.Paragraph>
  );
}

function departmentName(task: TaskDetail, departmentId: string): string {
  return task.assignments.find((a) => a.departmentId === departmentId)?.name ?? '原责任单位';
}

export function ProgressSection({ task }: { task: TaskDetail }) {
  return (
    <Section title={`进展报送（${task.progress.length}）`}>
      <RecordList
        items={task.progress}
        empty="尚未报送进展"
        itemKey={(report) => report.id}
        render={(report) => (
          <>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <strong>{report.department}</strong>
                <span>{report.period.replace('-', '年')}月</span>
                <Tag color={report.state === 'late' ? 'warning' : 'success'}>
                  {label(REPORT_STATE_LABELS, report.state)}
                </Tag>
                <Typography.Text type="secondary">
                  {formatDateTime(report.reportedAt)}
                </Typography.Text>
              </Space>
              <Progress percent={report.percent} size="small" aria-label="完成进度" />
              <Text>{report.text}</Text>
            </Space>
          </>
        )}
      />
    </Section>
  );
}

export function RequestsSection({ task }: { task: TaskDetail }) {
  const empty = task.extensions.length === 0 && task.completions.length === 0;
  return (
    <Section title="延期与办结申请">
      {empty && <Empty description="暂无延期或办结申请" image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {task.extensions.length > 0 && (
        <RecordList
          items={task.extensions}
          empty=""
          itemKey={(request) => request.id}
          render={(request) => (
            <>
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <Tag color="purple">延期申请</Tag>
                  <span>{departmentName(task, request.departmentId)}</span>
                  <Tag>{label(EXTENSION_STATE_LABELS, request.state)}</Tag>
                  <Typography.Text type="secondary">
                    {formatDateTime(request.createdAt)}
                  </Typography.Text>
                </Space>
                <span>
                  时限：{formatDate(request.previousDeadline)} →{' '}
                  {formatDate(request.requestedDeadline)}
                </span>
                <Text>{`理由：${request.reason}`}</Text>
                <Text>{`当前进展：${request.progress}`}</Text>
                {request.decisionNote && <Text>{`审批意见：${request.decisionNote}`}</Text>}
              </Space>
            </>
          )}
        />
      )}
      {task.completions.length > 0 && (
        <RecordList
          items={task.completions}
          empty=""
          itemKey={(completion) => completion.id}
          render={(completion) => (
            <>
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <Tag color="green">办结申报</Tag>
                  <span>{departmentName(task, completion.departmentId)}</span>
                  <Tag>{label(COMPLETION_STATE_LABELS, completion.state)}</Tag>
                  {completion.rating && (
                    <Tag color="gold">评定：{label(RATING_LABELS, completion.rating)}</Tag>
                  )}
                  <Typography.Text type="secondary">
                    {formatDateTime(completion.declaredAt)}
                  </Typography.Text>
                </Space>
                <Text>{`办结情况：${completion.evidence}`}</Text>
                {completion.decisionReason && (
                  <Text>{`退办理由：${completion.decisionReason}`}</Text>
                )}
              </Space>
            </>
          )}
        />
      )}
    </Section>
  );
}

export function RemindersSection({ reminders }: { reminders: TaskReminder[] | undefined }) {
  return (
    <Section title="提醒与督办单">
      <RecordList
        items={reminders}
        empty="暂无提醒"
        itemKey={(reminder) => reminder.id}
        render={(reminder) => (
          <>
            <Space wrap>
              <Tag color={reminder.kind.startsWith('notice_') ? reminder.kind.slice(7) : 'default'}>
                {label(REMINDER_KIND_LABELS, reminder.kind)}
              </Tag>
              {reminder.noticeNumber && <strong>{reminder.noticeNumber}</strong>}
              <span>{reminder.departmentName}</span>
              <span>{formatDateTime(reminder.fireAt)}</span>
              <Typography.Text type={reminder.state === 'failed' ? 'danger' : 'secondary'}>
                {label(REMINDER_STATE_LABELS, reminder.state)}
                {reminder.provisional && '（日历未定，暂按周末计算）'}
              </Typography.Text>
            </Space>
          </>
        )}
      />
    </Section>
  );
}

export function HistorySection({ history }: { history: TaskHistoryEntry[] | undefined }) {
  return (
    <Section title="操作记录">
      <RecordList
        items={history}
        empty="暂无操作记录"
        itemKey={(entry) => entry.id}
        render={(entry) => (
          <>
            <Space wrap>
              <Typography.Text type="secondary">{formatDateTime(entry.at)}</Typography.Text>
              <span>{entry.actor}</span>
              <Tag>{label(AUDIT_ACTION_LABELS, entry.action)}</Tag>
            </Space>
          </>
        )}
      />
    </Section>
  );
}
