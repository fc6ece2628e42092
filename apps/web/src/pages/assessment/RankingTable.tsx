import { Button, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { SortOrder } from 'antd/es/table/interface';
import { formatScore } from '../../shared/format';
import type { RankingEntry } from './assessment-queries';

/**
 * Unranked (not assessed) departments sort after every ranked one, whichever way: antd reverses
 * the comparison for a descending sort, so a missing value is "larger" ascending, "smaller" descending.
 */
function byNullableNumber(
  a: number | null,
  b: number | null,
  order: SortOrder | undefined,
): number {
  if (a === null || b === null) {
    const missingLast = order === 'descend' ? -1 : 1;
    return a === b ? 0 : a === null ? missingLast : -missingLast;
  }
  return a - b;
}

interface RankingTableProps {
  entries: readonly RankingEntry[];
  onDetail: (departmentId: string) => void;
}

/** The ranking, sortable by rank, name and score; each row opens its breakdown. */
export default function RankingTable({ entries, onDetail }: RankingTableProps) {
  const columns: ColumnsType<RankingEntry> = [
    {
      title: '名次',
      dataIndex: 'rank',
      width: 90,
      defaultSortOrder: 'ascend',
      sorter: (a, b, order) => byNullableNumber(a.rank, b.rank, order),
      render: (rank: number | null) => rank ?? '—',
    },
    {
      title: '部门',
      dataIndex: 'departmentName',
      sorter: (a, b) => a.departmentName.localeCompare(b.departmentName, 'zh-CN'),
    },
    {
      title: '得分',
      dataIndex: 'score',
      align: 'right',
      width: 120,
      sorter: (a, b, order) => byNullableNumber(a.score, b.score, order),
      render: formatScore,
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 140,
      render: (_: unknown, entry) =>
        entry.status === 'assessed' ? (
          <Tag color="blue">参评</Tag>
        ) : (
          <Tooltip title={entry.notAssessedReason ?? '本年度没有到期任务'}>
            <Tag>不参评</Tag>
          </Tooltip>
        ),
    },
    {
      title: '明细',
      key: 'detail',
      width: 110,
      render: (_: unknown, entry) => (
        <Button
          type="link"
          size="small"
          aria-label={`查看${entry.departmentName}的得分明细`}
          onClick={() => onDetail(entry.departmentId)}
        >
          得分明细
        </Button>
      ),
    },
  ];
  return (
    <Table<RankingEntry>
      rowKey="departmentId"
      size="middle"
      columns={columns}
      dataSource={[...entries]}
      pagination={false}
      // On a phone the table scrolls sideways instead of breaking names into single characters.
      scroll={{ x: 'max-content' }}
      aria-label="考核排名表"
      showSorterTooltip={{ title: '点击排序' }}
    />
  );
}
