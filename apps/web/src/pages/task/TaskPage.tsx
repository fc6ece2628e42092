import { Alert, Button, Col, Row, Skeleton } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { describeError } from '../../api/errors';
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
  return (
    <Row gutter={[16, 16]}>
      <Col xs={{ span: 24, order: 1 }} lg={{ span: 16, order: 1 }}>
        <TaskSummary task={task} />
      </Col>
      <Col xs={{ span: 24, order: 2 }} lg={{ span: 8, order: 2 }}>
        <TaskActions task={task} />
      </Col>
      <Col xs={{ span: 24, order: 3 }} lg={{ span: 16, order: 3 }} style={{ marginTop: -16 }}>
        <ProgressSection task={task} />
        <RequestsSection task={task} />
        <RemindersSection reminders={reminders.data} />
        <HistorySection history={history.data} />
      </Col>
    </Row>
  );
}
