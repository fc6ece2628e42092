import { Alert, Button, Col, Grid, Row, Skeleton } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { describeError } from '../../api/errors';
import { useUser } from '../../auth/session';
import { TaskActions } from './TaskActions';
import { useTaskDetail, useTaskHistory, useTaskReminders } from './task-queries';
import { HistorySection, ProgressSection, RemindersSection, RequestsSection } from './TaskRecords';
import { TaskSummary } from './TaskSummary';

/**
 * 任务详情: the task, what has been done on it and what the signed-in person may do next. One
 * column at a phone's width (mail links land here); at a desktop's the steps sit beside the task.
 */
export default function TaskPage() {
  const { taskId = '' } = useParams();
  const navigate = useNavigate();
  const detail = useTaskDetail(taskId);
  const history = useTaskHistory(taskId);
  const reminders = useTaskReminders(taskId);
  const screens = Grid.useBreakpoint();
  const wide = screens.lg === true;
  const readOnly = useUser().role === 'leader';

  if (detail.isPending) {
    return <Skeleton active paragraph={{ rows: 8 }} />;
  }
  if (detail.isError) {
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={describeError(detail.error)}
        action={<Button onClick={() => void navigate(-1)}>返回</Button>}
      />
    );
  }
  const task = detail.data;
  const records = (
    <>
      <ProgressSection task={task} />
      <RequestsSection task={task} />
      <RemindersSection reminders={reminders.data} />
      <HistorySection history={history.data} />
    </>
  );
  if (!wide) {
    // A phone: the task, then what to do now, then the records.
    return (
      <div>
        <TaskSummary task={task} />
        <div style={{ marginTop: 16 }}>
          <TaskActions task={task} />
        </div>
        {records}
      </div>
    );
  }
  return (
    <Row gutter={16} align="top">
      {/* A leader takes no step: the task and its records take the whole width. */}
      <Col span={readOnly ? 24 : 16}>
        <TaskSummary task={task} />
        {records}
      </Col>
      {!readOnly && (
        <Col span={8}>
          <TaskActions task={task} />
        </Col>
      )}
    </Row>
  );
}
