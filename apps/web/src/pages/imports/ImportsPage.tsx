import { InboxOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Segmented, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, describeError } from '../../api/errors';
import { formatCount, formatDateTime } from '../../shared/format';
import { fetchImports, type ImportState, uploadPlan } from './imports-api';
import { IMPORT_STATE_LABELS, type ImportSummary } from './import-draft.types';
import { planName } from './plan-name';
import { refusalOf } from './upload-rules';

type ImportRow = Awaited<ReturnType<typeof fetchImports>>[number];

const STATE_COLORS: Record<string, string> = {
  draft: 'processing',
  committed: 'success',
  discarded: 'default',
};

/** 计划导入: upload a plan (.txt or .docx), then review its draft; the latest imports below. */
export default function ImportsPage() {
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [state, setState] = useState<ImportState | null>(null);
  const imports = useQuery({
    queryKey: ['plan-imports', state],
    queryFn: () => fetchImports(state),
  });
  const [error, setError] = useState<string | null>(null);
  // A document imported before: the office may import it again as a new version of the plan.
  const [duplicate, setDuplicate] = useState<{ file: File; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (file: File, newVersion: boolean) => {
    setBusy(true);
    setError(null);
    setDuplicate(null);
    try {
      const summary: ImportSummary = await uploadPlan(file, newVersion);
      await queries.invalidateQueries({ queryKey: ['plan-imports'] });
      void navigate(`/imports/${summary.id}`);
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409) {
        setDuplicate({ file, message: describeError(failure) });
      } else {
        setError(describeError(failure));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        计划导入
      </Typography.Title>
      <Card>
        <Upload.Dragger
          accept=".txt,.docx"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          aria-label="选择或拖入计划文件（.txt 或 .docx）"
          beforeUpload={(file) => {
            const refusal = refusalOf(file);
            if (refusal) {
              setDuplicate(null);
              setError(refusal);
            } else {
              void upload(file, false);
            }
            // The page uploads itself (with the session cookie and the console header).
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">选择或拖入计划文件（.txt 或 .docx）</p>
          <p className="ant-upload-hint">
            {busy ? '正在读取文件……' : '文件不超过 5 MB；上传后先审核任务台账草稿，确认后再提交'}
          </p>
        </Upload.Dragger>
        {error && (
          <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 16 }} />
        )}
        {duplicate && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            style={{ marginTop: 16 }}
            title={`${duplicate.message}。如果这是修订后的方案，可作为新版本导入。`}
            action={
              <Button size="small" onClick={() => void upload(duplicate.file, true)} loading={busy}>
                作为新版本导入
              </Button>
            }
          />
        )}
      </Card>
      <Card
        title="最近的导入（最多 50 条）"
        extra={
          <Segmented<ImportState | 'all'>
            aria-label="按状态筛选导入"
            value={state ?? 'all'}
            onChange={(value) => setState(value === 'all' ? null : value)}
            options={[
              { value: 'all', label: '全部' },
              { value: 'draft', label: IMPORT_STATE_LABELS.draft },
              { value: 'committed', label: IMPORT_STATE_LABELS.committed },
              { value: 'discarded', label: IMPORT_STATE_LABELS.discarded },
            ]}
          />
        }
      >
        {imports.error && <Alert type="error" showIcon title={describeError(imports.error)} />}
        <Table<ImportRow>
          rowKey="id"
          size="middle"
          loading={imports.isLoading}
          dataSource={imports.data ?? []}
          pagination={false}
          locale={{ emptyText: '还没有导入过计划' }}
          columns={[
            {
              title: '方案',
              key: 'title',
              render: (_, row) => (
                <Space orientation="vertical" size={0}>
                  <span>{planName(row.title, row.fileName)}</span>
                  {row.fileName && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {row.fileName}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: '状态',
              dataIndex: 'state',
              render: (state: ImportRow['state']) => (
                <Tag color={STATE_COLORS[state]}>{IMPORT_STATE_LABELS[state]}</Tag>
              ),
            },
            { title: '任务数', dataIndex: 'taskCount', render: (n: number) => formatCount(n) },
            {
              title: '导入时间',
              dataIndex: 'createdAt',
              render: (at: string) => formatDateTime(at),
            },
            {
              title: '操作',
              key: 'open',
              render: (_, row) =>
                row.state === 'committed' && row.planId ? (
                  <Link to={`/tasks?planId=${row.planId}`}>查看任务</Link>
                ) : row.state === 'draft' ? (
                  <Link to={`/imports/${row.id}`}>继续审核</Link>
                ) : (
                  <Link to={`/imports/${row.id}`}>查看</Link>
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
