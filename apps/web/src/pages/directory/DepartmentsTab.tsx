import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { DepartmentDialog, useDepartments } from './DepartmentDialog';
import type { Department } from './directory-forms';

function Tags({ values }: { values: string[] }) {
  return values.length ? (
    <Space size={[0, 4]} wrap>
      {values.map((value) => (
        <Tag key={value}>{value}</Tag>
      ))}
    </Space>
  ) : (
    '—'
  );
}

/** The department directory: names, how plans write them, where their mail goes. */
export function DepartmentsTab() {
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const departments = useDepartments();
  const needle = search.trim();
  const shown = (departments.data ?? []).filter(
    (department) =>
      !needle ||
      [department.name, ...department.shortNames, ...department.aliases].some((name) =>
        name.includes(needle),
      ),
  );
  const columns: TableColumnsType<Department> = [
    { title: '部门名称', dataIndex: 'name' },
    {
      title: '简称',
      dataIndex: 'shortNames',
      render: (values: string[]) => <Tags values={values} />,
    },
    { title: '别名', dataIndex: 'aliases', render: (values: string[]) => <Tags values={values} /> },
    {
      title: '邮箱',
      dataIndex: 'emails',
      render: (values: string[]) => (values.length ? values.join('、') : '—'),
    },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_, department) => (
        <Button
          size="small"
          aria-label={`编辑：${department.name}`}
          onClick={() => setEditing(department)}
        >
          编辑
        </Button>
      ),
    },
  ];
  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          aria-label="查找部门"
          placeholder="按名称、简称或别名查找"
          allowClear
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          style={{ width: 280 }}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          新增部门
        </Button>
      </Space>
      <ErrorAlert error={departments.error} />
      <Table<Department>
        aria-label="部门列表"
        rowKey="id"
        size="small"
        loading={departments.isPending}
        columns={columns}
        dataSource={shown}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: '没有找到部门' }}
      />
      {/* A new dialog (and form) for each department edited, so no values carry over. */}
      <DepartmentDialog
        key={editing === null ? 'closed' : editing === 'new' ? 'new' : editing.id}
        editing={editing}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
