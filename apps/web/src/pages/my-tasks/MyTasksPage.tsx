import { useQuery } from '@tanstack/react-query';
import { Card, Space, Tabs, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { formatDate, label, TASK_STATUS_LABELS } from '../../shared/format';
import { RecordList } from '../task/RecordList';
import { orderMyTasks, type Urgency, urgencyOf } from './my-tasks-order';

type TaskRow = components['schemas']['TaskRowDto'];
type Role = 'lead' | 'support';

const URGENCY_TAGS: Record<Urgency, { color: string; text: string } | null> = {
  overdue: { color: 'error', text: '已逾期' },
  dueSoon: { color: 'warning', text: '临期' },
  open: null,
  waiting: null, // the status tag already says 办结待审批
  closed: null,
};

/** The department's own tasks in one role (the api scopes a department user to its own). */
function useMyTasks(role: Role) {
  return useQuery({
    queryKey: ['my-tasks', role],
    queryFn: async () => {
      const page = await unwrap(
        api.GET('/api/v1/tasks', { params: { query: { role, limit: 200 } } }),
      );
      return page.items;
    },
  });
}

function TaskCard({ task }: { task: TaskRow }) {
  const urgency = urgencyOf(task);
  const tag = URGENCY_TAGS[urgency];
  const lead = task.assignments.filter((a) => a.role === 'lead').map((a) => a.name);
  return (
    <Link
      to={`/tasks/${task.id}`}
      aria-label={`${task.number} ${task.title}`}
      style={{ display: 'block' }}
    >
      <Card size="small" hoverable style={{ width: '100%' }}>
        <Space wrap size={[8, 4]} style={{ marginBottom: 4 }}>
          {tag && <Tag color={tag.color}>{tag.text}</Tag>}
          <Tag>{label(TASK_STATUS_LABELS, task.status)}</Tag>
          <Typography.Text type="secondary">{task.number}</Typography.Text>
        </Space>
        <Typography.Paragraph strong style={{ marginBottom: 4 }}>
          {task.title}
        </Typography.Paragraph>
        <Typography.Text type={urgency === 'overdue' ? 'danger' : 'secondary'}>
          完成时限：{formatDate(task.deadline)}
        </Typography.Text>
        <br />
        <Typography.Text type="secondary" ellipsis>
          {task.planTitle}
          {lead.length > 0 && ` · 牵头：${lead.join('、')}`}
        </Typography.Text>
      </Card>
    </Link>
  );
}

function TaskCards({ role }: { role: Role }) {
  const tasks = useMyTasks(role);
  if (tasks.isError) {
    return <ErrorAlert error={tasks.error} />;
  }
  return (
    <RecordList
      items={tasks.data && orderMyTasks(tasks.data)}
      empty={role === 'lead' ? '没有牵头的任务' : '没有配合的任务'}
      itemKey={(task) => task.id}
      divided={false}
      render={(task) => <TaskCard task={task} />}
    />
  );
}

/** 我的任务: a department's tasks, 牵头 and 配合, late first, as cards that fit a phone. */
export default function MyTasksPage() {
  return (
    <Tabs
      defaultActiveKey="lead"
      items={[
        { key: 'lead', label: '牵头', children: <TaskCards role="lead" /> },
        { key: 'support', label: '配合', children: <TaskCards role="support" /> },
      ]}
    />
  );
}
