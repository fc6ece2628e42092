import { Alert, Button, Card, Col, Form, Popconfirm, Row, Space, Tag, Typography } from 'antd';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { formatCount } from '../../shared/format';
import {
  addTaskBody,
  type EditBody,
  includeBody,
  resolveBody,
  type TaskForm,
  taskEditBody,
} from './draft-editor';
import { type DepartmentOption, DepartmentPicker } from './DepartmentPicker';
import type { ImportSummary } from './import-draft.types';
import { warningsPerTask } from './parser-warnings';
import { planName } from './plan-name';
import { SourcePane } from './SourcePane';
import type { TaskSpan } from './source-segments';
import { TaskCard } from './TaskCard';
import { TaskFields } from './TaskFields';

export interface DraftReviewProps {
  summary: ImportSummary;
  fileName: string | null;
  sourceText: string;
  departments: readonly DepartmentOption[];
  busy: boolean;
  /** A link to the committed plan's tasks (the router's, drawn by the page). */
  tasksLink: ReactNode;
  /** The last refusal, in Chinese. */
  error: string | null;
  /** Sends one edit; resolves to the draft as saved, or null when the api refused it. */
  onEdit: (body: EditBody) => Promise<ImportSummary | null>;
  onCommit: () => void;
  onDiscard: () => void;
}

const EMPTY_FORM: TaskForm = { title: '', deadline: '', lead: '', support: '' };

/** 导入审核: the draft ledger beside the plan's text, every edit saved as it is made. */
export function DraftReview(props: DraftReviewProps) {
  const { summary, departments, busy } = props;
  const { draft, rowVersion } = summary;
  const [active, setActive] = useState<string | null>(null);
  const warnings = useMemo(() => warningsPerTask(draft), [draft]);
  const spans = useMemo<TaskSpan[]>(
    () =>
      draft.tasks.flatMap((task) =>
        task.span && task.include ? [{ number: task.number, ...task.span }] : [],
      ),
    [draft],
  );
  const [addForm] = Form.useForm<TaskForm>();
  const ledger = useRef<HTMLDivElement>(null);
  // A task picked in the source is brought into view in the ledger too.
  useEffect(() => {
    const card = [...(ledger.current?.querySelectorAll<HTMLElement>('[data-task]') ?? [])].find(
      (element) => element.dataset.task === active,
    );
    card?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [active]);
  const isDraft = summary.state === 'draft';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space align="center" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {planName(draft.title, props.fileName)}
        </Typography.Title>
        <Space>
          <Typography.Text>
            将创建 {formatCount(summary.taskCount)} 项任务
            {summary.unresolved.length > 0 &&
              `，还有 ${formatCount(summary.unresolved.length)} 个名称未对应到部门`}
          </Typography.Text>
          {isDraft && (
            <Popconfirm
              title="放弃这次导入？"
              description="草稿将不再能修改或提交；文件可以重新上传。"
              okText="放弃导入"
              cancelText="取消"
              onConfirm={props.onDiscard}
            >
              <Button danger disabled={busy}>
                放弃导入
              </Button>
            </Popconfirm>
          )}
          {isDraft && (
            <Button
              type="primary"
              disabled={summary.unresolved.length > 0 || summary.taskCount === 0}
              loading={busy}
              onClick={props.onCommit}
            >
              提交计划
            </Button>
          )}
        </Space>
      </Space>
      {!isDraft && (
        <Alert
          type="info"
          showIcon
          title={
            summary.state === 'committed' && summary.planId ? (
              <>该导入已提交，{props.tasksLink}</>
            ) : (
              '该导入已放弃'
            )
          }
        />
      )}
      {props.error && <Alert type="error" showIcon role="alert" title={props.error} />}
      {warnings.plan.map((warning) => (
        <Alert key={warning} type="warning" showIcon title={warning} />
      ))}
      {isDraft && summary.unresolved.length > 0 && (
        <Card size="small" title="未对应到部门的名称">
          <Space orientation="vertical" style={{ width: '100%' }}>
            {summary.unresolved.map((written) => {
              const mapping = draft.departments[written];
              return (
                <Space key={written} wrap>
                  <Tag color="error">{written}</Tag>
                  {mapping?.suggestions.length ? (
                    <Typography.Text type="secondary">
                      建议：{mapping.suggestions.map((s) => s.name).join('、')}
                    </Typography.Text>
                  ) : null}
                  {mapping && (
                    <DepartmentPicker
                      mapping={mapping}
                      departments={departments}
                      busy={busy}
                      onConfirm={(departmentId, remember) =>
                        void props.onEdit(resolveBody(written, departmentId, remember, rowVersion))
                      }
                    />
                  )}
                </Space>
              );
            })}
          </Space>
        </Card>
      )}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>任务台账草稿</Typography.Title>
          <div ref={ledger}>
            <Space
              orientation="vertical"
              style={{ width: '100%', maxHeight: 'calc(100vh - 220px)', overflowY: 'auto' }}
              role="list"
              aria-label="任务台账草稿"
            >
              {draft.tasks.map((task) => (
                <div role="listitem" key={task.number}>
                  <TaskCard
                    task={task}
                    departments={draft.departments}
                    warnings={warnings.byTask.get(task.number) ?? []}
                    active={active === task.number}
                    busy={busy || !isDraft}
                    onPick={() => setActive(task.number)}
                    onInclude={(include) =>
                      void props.onEdit(includeBody(task, include, rowVersion))
                    }
                    onSave={async (form) => {
                      const body = taskEditBody(task, form, rowVersion);
                      return body ? (await props.onEdit(body)) !== null : true;
                    }}
                  />
                </div>
              ))}
              {isDraft && (
                <Card size="small" title="添加任务">
                  <Form<TaskForm>
                    name="add-task"
                    form={addForm}
                    layout="vertical"
                    size="small"
                    initialValues={EMPTY_FORM}
                    requiredMark={false}
                    onFinish={(form) =>
                      void props.onEdit(addTaskBody(form, rowVersion)).then((saved) => {
                        if (saved) {
                          addForm.resetFields();
                          // The task added is the draft's last: picked, so it is scrolled to.
                          setActive(saved.draft.tasks.at(-1)?.number ?? null);
                        }
                      })
                    }
                  >
                    <TaskFields subject="新任务" leadRequired />
                    <Button htmlType="submit" loading={busy}>
                      添加任务
                    </Button>
                  </Form>
                </Card>
              )}
            </Space>
          </div>
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>原文</Typography.Title>
          <SourcePane text={props.sourceText} spans={spans} active={active} onPick={setActive} />
        </Col>
      </Row>
    </Space>
  );
}
