import { Alert, Button, Card, Form, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatDate } from '../../shared/format';
import { formOf, type TaskForm } from './draft-editor';
import { TaskFields } from './TaskFields';
import type { DraftDepartment, DraftTask } from './import-draft.types';

interface Props {
  task: DraftTask;
  departments: Record<string, DraftDepartment>;
  warnings: readonly string[];
  active: boolean;
  busy: boolean;
  onPick: () => void;
  onSave: (form: TaskForm) => Promise<boolean>;
  onInclude: (include: boolean) => void;
}

/** How a written name stands: mapped (by name or alias), inferred, or still to be chosen. */
function NameTag({ name, mapping }: { name: string; mapping: DraftDepartment | undefined }) {
  if (!mapping?.departmentId) {
    const hint = mapping?.suggestions.length ? `（建议：${mapping.suggestions[0].name}）` : '';
    return (
      <Tag color="error" title="尚未对应到部门">
        {name} · 未对应{hint}
      </Tag>
    );
  }
  if (mapping.method === 'prefix-restored' || mapping.method === 'traditional') {
    return (
      <Tag color="warning" title="按相近名称推断，请核对">
        {name} · 推断
      </Tag>
    );
  }
  return <Tag color={mapping.method === 'confirmed' ? 'success' : 'default'}>{name}</Tag>;
}

/** One item of the draft ledger: what the parser read, its warnings, and the office's edits. */
export function TaskCard(props: Props) {
  const { task, departments, warnings, active, busy } = props;
  const [editing, setEditing] = useState(false);
  const names = (list: readonly string[]) =>
    list.length ? list.map((n) => <NameTag key={n} name={n} mapping={departments[n]} />) : '—';
  return (
    <Card
      size="small"
      data-task={task.number}
      aria-label={`任务 ${task.number}`}
      onClick={props.onPick}
      style={{
        borderColor: active ? '#d48806' : undefined,
        opacity: task.include ? 1 : 0.55,
        cursor: 'pointer',
      }}
      title={
        <Space>
          <Tag>{task.number}</Tag>
          <Typography.Text delete={!task.include} style={{ whiteSpace: 'normal' }}>
            {task.title}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space onClick={(event) => event.stopPropagation()}>
          {task.span && (
            <Button
              size="small"
              type="link"
              onClick={props.onPick}
              aria-label={`在原文中查看任务 ${task.number}`}
            >
              原文
            </Button>
          )}
          {task.include && (
            <Button size="small" onClick={() => setEditing(!editing)} disabled={busy}>
              {editing ? '收起' : '编辑'}
            </Button>
          )}
          <Button
            size="small"
            danger={task.include}
            disabled={busy}
            onClick={() => props.onInclude(!task.include)}
            aria-label={`${task.include ? '删除' : '恢复'}任务 ${task.number}`}
          >
            {task.include ? '删除' : '恢复'}
          </Button>
        </Space>
      }
    >
      {!task.include ? (
        <Typography.Text type="secondary">已删除：提交时不会成为任务</Typography.Text>
      ) : editing ? (
        <TaskEditor
          task={task}
          busy={busy}
          onCancel={() => setEditing(false)}
          onSave={(form) =>
            void props.onSave(form).then((saved) => {
              if (saved) {
                setEditing(false);
              }
            })
          }
        />
      ) : (
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <div>
            <Typography.Text type="secondary">完成时限：</Typography.Text>
            {task.deadline?.date
              ? formatDate(task.deadline.date)
              : (task.deadline?.phrase ?? '未写明')}
          </div>
          <div>
            <Typography.Text type="secondary">牵头单位：</Typography.Text>
            {names(task.lead)}
          </div>
          <div>
            <Typography.Text type="secondary">配合单位：</Typography.Text>
            {names(task.support)}
          </div>
          {task.span === null && <Tag color="blue">审核时新增</Tag>}
        </Space>
      )}
      {task.include &&
        warnings.map((warning) => (
          <Alert key={warning} type="warning" showIcon title={warning} style={{ marginTop: 8 }} />
        ))}
    </Card>
  );
}

/** The fields of a task the office may correct; names are typed separated by 、. */
function TaskEditor(props: {
  task: DraftTask;
  busy: boolean;
  onSave: (form: TaskForm) => void;
  onCancel: () => void;
}) {
  const { task } = props;
  return (
    <div onClick={(event) => event.stopPropagation()}>
      <Form<TaskForm>
        // Each open editor's fields get ids of their own (the labels point at them).
        name={`edit-task-${task.number}`}
        layout="vertical"
        size="small"
        initialValues={formOf(task)}
        onFinish={props.onSave}
        requiredMark={false}
      >
        <TaskFields subject={`任务 ${task.number} `} leadRequired={false} />
        <Space>
          <Button type="primary" htmlType="submit" loading={props.busy}>
            保存
          </Button>
          <Button onClick={props.onCancel}>取消</Button>
        </Space>
      </Form>
    </div>
  );
}
