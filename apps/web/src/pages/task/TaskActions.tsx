import { Alert, DatePicker, Form, Input, InputNumber, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, unwrap } from '../../api/client';
import { useUser } from '../../auth/session';
import { formatDate, RATING_LABELS, todayInBeijing } from '../../shared/format';
import { ActionForm } from './ActionForm';
import { allowedActions, type TaskAction } from './task-actions';
import { type TaskDetail, useRefreshTask } from './task-queries';

interface StepProps {
  task: TaskDetail;
  done: () => Promise<void>;
  /** The signed-in department, for the steps a department takes; null for the office. */
  departmentId: string | null;
}

const path = (task: TaskDetail) => ({ params: { path: { id: task.id } } });

function Acknowledge({ task, done }: StepProps) {
  const [form] = Form.useForm<object>();
  return (
    <ActionForm
      title="签收任务"
      submitLabel="签收"
      form={form}
      done={done}
      submit={() => unwrap(api.POST('/api/v1/tasks/{id}/acknowledge', path(task)))}
    >
      <p>确认本单位已收到该任务，签收后开始办理。</p>
    </ActionForm>
  );
}

interface ProgressValues {
  period: Dayjs;
  percent: number;
  text: string;
}

function ReportProgress({ task, done, departmentId }: StepProps) {
  const [form] = Form.useForm<ProgressValues>();
  const today = todayInBeijing();
  const thisMonth = dayjs(today.slice(0, 7));
  // Starts from the department's own last figure (reports are newest first).
  const last = task.progress.find((r) => r.departmentId === departmentId)?.percent ?? 0;
  return (
    <ActionForm<ProgressValues>
      title="报送进展"
      submitLabel="报送进展"
      form={form}
      done={done}
      submit={(values) =>
        unwrap(
          api.POST('/api/v1/tasks/{id}/progress', {
            ...path(task),
            body: {
              period: values.period.format('YYYY-MM'),
              percent: values.percent,
              text: values.text.trim(),
            },
          }),
        )
      }
    >
      <Form.Item
        label="报送月份"
        name="period"
        initialValue={thisMonth}
        rules={[{ required: true, message: '请选择报送月份' }]}
      >
        <DatePicker
          picker="month"
          format="YYYY-MM"
          allowClear={false}
          disabledDate={(month) => month.isAfter(thisMonth, 'month')}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item
        label="完成进度（%）"
        name="percent"
        initialValue={last}
        rules={[{ required: true, message: '请填写完成进度' }]}
      >
        <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        label="进展情况"
        name="text"
        rules={[{ required: true, whitespace: true, message: '请填写进展情况' }]}
      >
        <Input.TextArea rows={4} maxLength={10_000} />
      </Form.Item>
    </ActionForm>
  );
}

interface ExtensionValues {
  requestedDeadline: Dayjs;
  reason: string;
  progress: string;
}

function RequestExtension({ task, done }: StepProps) {
  const [form] = Form.useForm<ExtensionValues>();
  return (
    <ActionForm<ExtensionValues>
      title="申请延期"
      submitLabel="提交延期申请"
      form={form}
      done={done}
      submit={(values) =>
        unwrap(
          api.POST('/api/v1/tasks/{id}/extensions', {
            ...path(task),
            body: {
              requestedDeadline: values.requestedDeadline.format('YYYY-MM-DD'),
              reason: values.reason.trim(),
              progress: values.progress.trim(),
            },
          }),
        )
      }
    >
      <p>当前完成时限：{formatDate(task.deadline)}。延期须在时限届满前申请。</p>
      <Form.Item
        label="申请延期至"
        name="requestedDeadline"
        rules={[{ required: true, message: '请选择新的完成时限' }]}
      >
        <DatePicker
          format="YYYY-MM-DD"
          placeholder="例如 2027-06-30"
          disabledDate={(day) =>
            task.deadline !== null && !day.isAfter(dayjs(task.deadline), 'day')
          }
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item
        label="延期理由"
        name="reason"
        rules={[{ required: true, whitespace: true, message: '请填写延期理由' }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item
        label="目前进展"
        name="progress"
        rules={[{ required: true, whitespace: true, message: '请填写目前进展' }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </ActionForm>
  );
}

function DeclareCompletion({ task, done }: StepProps) {
  const [form] = Form.useForm<{ evidence: string }>();
  return (
    <ActionForm<{ evidence: string }>
      title="申报办结"
      submitLabel="申报办结"
      form={form}
      done={done}
      submit={(values) =>
        unwrap(
          api.POST('/api/v1/tasks/{id}/completion', {
            ...path(task),
            body: { evidence: values.evidence.trim() },
          }),
        )
      }
    >
      <Form.Item
        label="办结情况"
        name="evidence"
        rules={[{ required: true, whitespace: true, message: '请填写办结情况及佐证' }]}
      >
        <Input.TextArea rows={4} maxLength={10_000} />
      </Form.Item>
    </ActionForm>
  );
}

type Rating = 'excellent' | 'good' | 'fair' | 'poor';

function ApproveCompletion({ task, done }: StepProps) {
  const [form] = Form.useForm<{ rating: Rating }>();
  return (
    <ActionForm<{ rating: Rating }>
      title="审批办结"
      submitLabel="批准办结"
      form={form}
      done={done}
      submit={(values) =>
        unwrap(
          api.POST('/api/v1/tasks/{id}/completion/approve', {
            ...path(task),
            body: { rating: values.rating },
          }),
        )
      }
    >
      <Form.Item
        label="质量评定"
        name="rating"
        rules={[{ required: true, message: '请选择质量评定' }]}
      >
        <Radio.Group
          optionType="button"
          options={Object.entries(RATING_LABELS).map(([value, label]) => ({ value, label }))}
        />
      </Form.Item>
    </ActionForm>
  );
}

function ReturnCompletion({ task, done }: StepProps) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <ActionForm<{ reason: string }>
      title="退办"
      submitLabel="退办"
      danger
      form={form}
      done={done}
      submit={(values) =>
        unwrap(
          api.POST('/api/v1/tasks/{id}/completion/return', {
            ...path(task),
            body: { reason: values.reason.trim() },
          }),
        )
      }
    >
      <Form.Item
        label="退办理由"
        name="reason"
        rules={[{ required: true, whitespace: true, message: '请填写退办理由' }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </ActionForm>
  );
}

interface DecisionValues {
  decision: 'approve' | 'reject';
  note?: string;
}

function DecideExtension({ task, done }: StepProps) {
  const [form] = Form.useForm<DecisionValues>();
  const request = task.extensions.find((e) => e.state === 'pending');
  const closed = task.status === 'completed' || task.status === 'cancelled';
  if (!request) {
    return null;
  }
  return (
    <ActionForm<DecisionValues>
      title="审批延期申请"
      submitLabel="提交审批"
      form={form}
      done={done}
      submit={(values) => {
        const call = {
          params: { path: { id: request.id } },
          body: values.note?.trim() ? { note: values.note.trim() } : {},
        };
        return unwrap(
          values.decision === 'approve'
            ? api.POST('/api/v1/extensions/{id}/approve', call)
            : api.POST('/api/v1/extensions/{id}/reject', call),
        );
      }}
    >
      <p>
        申请将时限由 {formatDate(request.previousDeadline)} 延至{' '}
        {formatDate(request.requestedDeadline)}。
      </p>
      <Form.Item label="审批结果" name="decision" rules={[{ required: true, message: '请选择' }]}>
        <Radio.Group
          optionType="button"
          options={[
            // A closed task's deadline no longer moves: its waiting request can only be rejected.
            ...(closed ? [] : [{ value: 'approve', label: '同意延期' }]),
            { value: 'reject', label: '驳回' },
          ]}
        />
      </Form.Item>
      <Form.Item label="审批意见" name="note">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </ActionForm>
  );
}

const STEPS: Record<TaskAction, (props: StepProps) => React.ReactNode> = {
  acknowledge: Acknowledge,
  reportProgress: ReportProgress,
  requestExtension: RequestExtension,
  declareCompletion: DeclareCompletion,
  approveCompletion: ApproveCompletion,
  returnCompletion: ReturnCompletion,
  decideExtension: DecideExtension,
};

/** The forms of the steps the signed-in person may take now; none at all for a leader. */
export function TaskActions({ task }: { task: TaskDetail }) {
  const user = useUser();
  const done = useRefreshTask(task.id);
  const actions = allowedActions(
    { role: user.role, departmentId: user.departmentId },
    task,
    todayInBeijing(),
  );
  if (user.role === 'leader') {
    return null;
  }
  if (actions.length === 0) {
    return <Alert type="info" showIcon title="当前没有需要您办理的事项。" />;
  }
  return (
    <section aria-label="办理">
      {actions.map((action) => {
        const Step = STEPS[action];
        // A new report remounts the progress form, so it starts from the figure just sent.
        const key = action === 'reportProgress' ? `${action}:${task.progress[0]?.id}` : action;
        return <Step key={key} task={task} done={done} departmentId={user.departmentId} />;
      })}
    </section>
  );
}
