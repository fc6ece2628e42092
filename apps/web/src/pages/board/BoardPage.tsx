import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Input, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { SorterResult, TablePaginationConfig } from 'antd/es/table/interface';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { describeError } from '../../api/errors';
import type { components } from '../../api/schema';
import {
  formatCount,
  formatDate,
  LIGHT_COLORS,
  LIGHT_LABELS,
  todayInBeijing,
} from '../../shared/format';
import {
  type BoardView,
  boardSearch,
  type DepartmentRow,
  ledgerLink,
  type Light,
  parseBoardView,
  SORT_KEYS,
  type SortKey,
  sortDepartments,
  worstDepartments,
} from './board-view';
import DepartmentBars from './DepartmentBars';

type BoardTask = components['schemas']['BoardTaskDto'];

const PAGE_SIZE = 20;
const CHART_DEPARTMENTS = 15;
const OVERDUE_TASKS = 20;

const STATISTICS: { key: 'open' | Light; title: string; color?: string }[] = [
  { key: 'open', title: '在办任务' },
  { key: 'red', title: LIGHT_LABELS.red, color: LIGHT_COLORS.red },
  { key: 'yellow', title: LIGHT_LABELS.yellow, color: LIGHT_COLORS.yellow },
  { key: 'green', title: LIGHT_LABELS.green, color: LIGHT_COLORS.green },
];

const COLUMN_TITLES: Record<SortKey, string> = {
  name: '责任单位',
  open: '在办',
  red: '逾期',
  yellow: '临期',
  green: '正常',
  unacknowledged: '未签收',
};

/**
 * 督办看板: open tasks by traffic light as of a date, per department, and the most overdue
 * tasks. The office and leaders read the same board; nothing here writes.
 */
export default function BoardPage() {
  const today = todayInBeijing();
  const [params, setParams] = useSearchParams();
  const view = parseBoardView(params, today);
  const isToday = view.asOf === today;
  // Only a real change moves the address, so Back is not filled with copies of one board.
  const show = (next: BoardView) => {
    const search = boardSearch(next, today);
    if (search !== boardSearch(view, today)) {
      setParams(search);
    }
  };

  const board = useQuery({
    queryKey: ['board', view.asOf],
    queryFn: () => unwrap(api.GET('/api/v1/board', { params: { query: { asOf: view.asOf } } })),
  });
  const overdue = useQuery({
    queryKey: ['board', 'tasks', view.asOf],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/board/tasks', {
          params: { query: { asOf: view.asOf, light: 'red', limit: OVERDUE_TASKS } },
        }),
      ),
  });

  const departments = sortDepartments(board.data?.departments ?? [], view.sort);
  const columns = SORT_KEYS.map((key) => ({
    key,
    dataIndex: key,
    title: COLUMN_TITLES[key],
    sorter: true,
    // Controlled from the address: the header shows the sort the URL holds.
    sortOrder: view.sort?.key === key ? view.sort.order : null,
    align: key === 'name' ? ('left' as const) : ('right' as const),
    render:
      key === 'name'
        ? (_: unknown, row: DepartmentRow) => (
            <Link to={ledgerLink({ departmentId: row.departmentId })}>{row.name}</Link>
          )
        : (value: number) => (
            <span style={key in LIGHT_COLORS && value > 0 ? { color: LIGHT_COLORS[key] } : {}}>
              {formatCount(value)}
            </span>
          ),
  }));

  const onTableChange = (
    pagination: TablePaginationConfig,
    _filters: unknown,
    sorter: SorterResult<DepartmentRow> | SorterResult<DepartmentRow>[],
    extra: { action: string },
  ) => {
    if (extra.action === 'sort') {
      const one = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = one?.columnKey as SortKey | undefined;
      show({
        ...view,
        sort: key && one?.order ? { key, order: one.order } : undefined,
        page: 1,
      });
    } else {
      show({ ...view, page: pagination.current ?? 1 });
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap align="center">
        <label htmlFor="board-as-of">看板日期</label>
        {/* The browser's own date field: keyboard-ready and no date-picker code on the first load. */}
        <Input
          id="board-as-of"
          type="date"
          style={{ width: 160 }}
          value={view.asOf}
          onChange={(event) =>
            event.target.value && show({ ...view, asOf: event.target.value, page: 1 })
          }
        />
        {board.data && (
          <Typography.Text type="secondary">
            临期：{formatDate(board.data.yellowUntil)}前到期
          </Typography.Text>
        )}
      </Space>
      {board.data?.provisional && (
        <Alert
          type="warning"
          showIcon
          title="该年度法定节假日尚未公布，临期按周末计算，公布后将自动更正。"
        />
      )}
      {board.error && (
        <Alert type="error" showIcon role="alert" title={describeError(board.error)} />
      )}

      <Row gutter={[16, 16]}>
        {STATISTICS.map((statistic) => {
          const count = board.data?.totals[statistic.key] ?? 0;
          const card = (
            <Card hoverable={isToday} loading={board.isPending}>
              <Statistic
                title={statistic.title}
                value={count}
                formatter={(value) => formatCount(Number(value))}
                styles={{ content: statistic.color ? { color: statistic.color } : {} }}
                suffix="项"
              />
            </Card>
          );
          return (
            <Col key={statistic.key} xs={12} md={6}>
              {/* The ledger's lights are today's: a past board's totals link nowhere misleading. */}
              {isToday ? (
                <Link
                  to={ledgerLink(statistic.key === 'open' ? {} : { light: statistic.key })}
                  aria-label={`${statistic.title}任务 ${formatCount(count)} 项，查看台账`}
                >
                  {card}
                </Link>
              ) : (
                card
              )}
            </Col>
          );
        })}
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title="各责任单位任务情况">
            <Table<DepartmentRow>
              rowKey="departmentId"
              size="small"
              loading={board.isPending}
              dataSource={departments}
              columns={columns}
              onChange={onTableChange}
              showSorterTooltip={false}
              pagination={{
                current: view.page,
                pageSize: PAGE_SIZE,
                showSizeChanger: false,
                hideOnSinglePage: false,
                showTotal: (total) => `共 ${formatCount(total)} 个单位`,
              }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={`逾期、临期最多的 ${CHART_DEPARTMENTS} 个单位`}>
            <DepartmentBars
              rows={worstDepartments(board.data?.departments ?? [], CHART_DEPARTMENTS)}
            />
            <Space style={{ marginTop: 12 }}>
              {(['red', 'yellow', 'green'] as const).map((light) => (
                <Space key={light} size={4}>
                  <span
                    aria-hidden
                    style={{
                      display: 'inline-block',
                      width: 12,
                      height: 12,
                      background: LIGHT_COLORS[light],
                    }}
                  />
                  {LIGHT_LABELS[light]}
                </Space>
              ))}
            </Space>
          </Card>
        </Col>
      </Row>

      <Card title={`逾期最久的 ${OVERDUE_TASKS} 项任务`}>
        <Table<BoardTask>
          rowKey="taskId"
          size="small"
          loading={overdue.isPending}
          dataSource={overdue.data?.tasks ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[
            { key: 'number', dataIndex: 'number', title: '编号', width: 110 },
            {
              key: 'title',
              dataIndex: 'title',
              title: '任务',
              render: (title: string, task) => <Link to={`/tasks/${task.taskId}`}>{title}</Link>,
            },
            {
              key: 'lead',
              dataIndex: 'lead',
              title: '牵头单位',
              render: (lead: string[]) => lead.join('、') || '—',
            },
            {
              key: 'deadline',
              dataIndex: 'deadline',
              title: '完成时限',
              width: 130,
              render: (deadline: string | null) => formatDate(deadline),
            },
            {
              key: 'daysOverdue',
              dataIndex: 'daysOverdue',
              title: '逾期天数',
              width: 100,
              align: 'right',
              render: (days: number) => <Tag color="red">{formatCount(days)} 天</Tag>,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
