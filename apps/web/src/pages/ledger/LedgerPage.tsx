import { DownloadOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Flex,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { type UIEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, download, unwrap } from '../../api/client';
import { describeError } from '../../api/errors';
import type { components } from '../../api/schema';
import {
  ASSIGNMENT_ROLE_LABELS,
  formatCount,
  formatDate,
  label,
  LIGHT_COLORS,
  LIGHT_LABELS,
  TASK_STATUS_LABELS,
} from '../../shared/format';
import {
  changeFilter,
  exportPath,
  type LedgerFilter,
  LIGHTS,
  parseLedgerFilter,
  ROLES,
  serializeLedgerFilter,
  TASK_STATUSES,
} from './ledger-filter';

type TaskRow = components['schemas']['TaskRowDto'];

/** Rows per request: the api's largest page. */
const PAGE_SIZE = 200;
/** Start the next page this close (px) to the bottom of the scrolled rows. */
const NEAR_BOTTOM = 400;

const options = (values: readonly string[], labels: Record<string, string>) =>
  values.map((value) => ({ value, label: labels[value] ?? value }));

function names(row: TaskRow, role: 'lead' | 'support'): string {
  return (
    row.assignments
      .filter((assignment) => assignment.role === role)
      .map((assignment) => assignment.name)
      .join('、') || '—'
  );
}

const COLUMNS = [
  { key: 'number', dataIndex: 'number', title: '编号', width: 110 },
  {
    key: 'title',
    dataIndex: 'title',
    title: '任务',
    width: 280,
    render: (title: string, row: TaskRow) => <Link to={`/tasks/${row.id}`}>{title}</Link>,
  },
  { key: 'plan', dataIndex: 'planTitle', title: '所属计划', width: 160, ellipsis: true },
  {
    key: 'lead',
    title: '牵头单位',
    width: 150,
    render: (_: unknown, row: TaskRow) => names(row, 'lead'),
  },
  {
    key: 'support',
    title: '配合单位',
    width: 160,
    ellipsis: true,
    render: (_: unknown, row: TaskRow) => names(row, 'support'),
  },
  {
    key: 'deadline',
    dataIndex: 'deadline',
    title: '完成时限',
    width: 130,
    render: (deadline: string | null, row: TaskRow) =>
      deadline ? formatDate(deadline) : (row.deadlinePhrase ?? '—'),
  },
  {
    key: 'status',
    dataIndex: 'status',
    title: '状态',
    width: 100,
    render: (status: string) => label(TASK_STATUS_LABELS, status),
  },
  {
    key: 'light',
    dataIndex: 'light',
    title: '督办灯',
    width: 80,
    render: (light: TaskRow['light']) =>
      light ? <Tag color={LIGHT_COLORS[light]}>{LIGHT_LABELS[light]}</Tag> : '—',
  },
];

/**
 * 任务台账: every task under the filters the address holds, in deadline order, a page at a time
 * (keyset cursor) as the person scrolls or asks for more; the same filter exports as a file.
 */
export default function LedgerPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const filter = parseLedgerFilter(params);
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | null>(null);
  const change = <K extends keyof LedgerFilter>(key: K, value: LedgerFilter[K] | null) =>
    setParams(serializeLedgerFilter(changeFilter(filter, key, value)));

  const plans = useQuery({
    queryKey: ['plans'],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/plans'))) as unknown as { id: string; title: string }[],
    staleTime: 300_000,
  });
  const departments = useQuery({
    queryKey: ['departments'],
    queryFn: () => unwrap(api.GET('/api/v1/departments')),
    staleTime: 300_000,
  });

  const tasks = useInfiniteQuery({
    queryKey: ['tasks', 'ledger', serializeLedgerFilter(filter)],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/tasks', {
          params: { query: { ...filter, limit: PAGE_SIZE, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = tasks.data?.pages.flatMap((page) => page.items) ?? [];
  const loadMore = () => {
    if (tasks.hasNextPage && !tasks.isFetchingNextPage) {
      void tasks.fetchNextPage();
    }
  };
  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const box = event.currentTarget;
    if (box.scrollHeight - box.scrollTop - box.clientHeight < NEAR_BOTTOM) {
      loadMore();
    }
  };

  const exportFile = async (format: 'csv' | 'xlsx') => {
    setExporting(format);
    try {
      await download(exportPath(filter, format), `任务台账.${format}`);
    } catch (error) {
      void message.error(describeError(error));
    } finally {
      setExporting(null);
    }
  };

  const range = filter.deadlineFrom || filter.deadlineTo;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex wrap gap={8} role="search" aria-label="筛选任务">
        <Select
          aria-label="计划"
          placeholder="全部计划"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 240 }}
          loading={plans.isPending}
          value={filter.planId}
          options={(plans.data ?? []).map((plan) => ({ value: plan.id, label: plan.title }))}
          onChange={(value?: string) => change('planId', value ?? null)}
        />
        <Select
          aria-label="责任单位"
          placeholder="全部责任单位"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 220 }}
          loading={departments.isPending}
          value={filter.departmentId}
          options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          onChange={(value?: string) => change('departmentId', value ?? null)}
        />
        <Select
          aria-label="承办角色"
          placeholder={filter.departmentId ? '牵头或配合' : '先选责任单位'}
          allowClear
          disabled={!filter.departmentId}
          style={{ width: 140 }}
          value={filter.role}
          options={options(ROLES, ASSIGNMENT_ROLE_LABELS)}
          onChange={(value?: LedgerFilter['role']) => change('role', value ?? null)}
        />
        <Select
          aria-label="状态"
          placeholder="全部状态"
          allowClear
          style={{ width: 140 }}
          value={filter.status}
          options={options(TASK_STATUSES, TASK_STATUS_LABELS)}
          onChange={(value?: LedgerFilter['status']) => change('status', value ?? null)}
        />
        <Select
          aria-label="督办灯"
          placeholder="全部督办灯"
          allowClear
          style={{ width: 130 }}
          value={filter.light}
          options={options(LIGHTS, LIGHT_LABELS)}
          onChange={(value?: LedgerFilter['light']) => change('light', value ?? null)}
        />
        <DatePicker.RangePicker
          aria-label="完成时限范围"
          placeholder={['时限起', '时限止']}
          allowEmpty={[true, true]}
          value={
            range
              ? [
                  filter.deadlineFrom ? dayjs(filter.deadlineFrom) : null,
                  filter.deadlineTo ? dayjs(filter.deadlineTo) : null,
                ]
              : null
          }
          onChange={(dates) =>
            setParams(
              serializeLedgerFilter({
                ...filter,
                deadlineFrom: dates?.[0]?.format('YYYY-MM-DD'),
                deadlineTo: dates?.[1]?.format('YYYY-MM-DD'),
              }),
            )
          }
        />
        <Input.Search
          aria-label="搜索任务"
          placeholder="编号、标题或内容"
          allowClear
          style={{ width: 220 }}
          defaultValue={filter.q}
          key={filter.q ?? ''}
          onSearch={(value) => change('q', value.trim() || null)}
        />
        <Checkbox
          checked={filter.overdue ?? false}
          onChange={(event) => change('overdue', event.target.checked || null)}
        >
          只看逾期
        </Checkbox>
      </Flex>

      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text aria-live="polite">
          已加载 {formatCount(rows.length)} 项{tasks.hasNextPage ? '，还有更多' : ''}
        </Typography.Text>
        <Space>
          <Button
            icon={<DownloadOutlined />}
            loading={exporting === 'xlsx'}
            onClick={() => void exportFile('xlsx')}
          >
            导出 Excel
          </Button>
          <Button
            icon={<DownloadOutlined />}
            loading={exporting === 'csv'}
            onClick={() => void exportFile('csv')}
          >
            导出 CSV
          </Button>
        </Space>
      </Flex>

      {tasks.error && (
        <Alert type="error" showIcon role="alert" title={describeError(tasks.error)} />
      )}

      <Table<TaskRow>
        rowKey="id"
        size="small"
        virtual
        loading={tasks.isPending}
        dataSource={rows}
        columns={COLUMNS}
        pagination={false}
        scroll={{ x: 1170, y: 560 }}
        onScroll={onScroll}
      />
      {tasks.hasNextPage && (
        <Flex justify="center">
          <Button loading={tasks.isFetchingNextPage} onClick={loadMore}>
            加载更多
          </Button>
        </Flex>
      )}
    </Space>
  );
}
