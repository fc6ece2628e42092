import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useUser } from '../../auth/session';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { label, ROLE_LABELS } from '../../shared/format';
import { useDepartments } from './DepartmentDialog';
import type { User } from './directory-forms';
import { UserDialog, USERS_KEY } from './UserDialog';

/** The users with their roles; an admin creates, edits, disables and enables them. */
export function UsersTab() {
  const me = useUser();
  const isAdmin = me.role === 'admin';
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const users = useQuery({
    queryKey: USERS_KEY,
    queryFn: () => unwrap(api.GET('/api/v1/users')),
  });
  const departments = useDepartments();
  const toggle = useMutation({
    mutationFn: (user: User) =>
      unwrap(
        user.active
          ? api.POST('/api/v1/users/{id}/disable', { params: { path: { id: user.id } } })
          : api.POST('/api/v1/users/{id}/enable', { params: { path: { id: user.id } } }),
      ),
    onSuccess: (_saved, user) =>
      void message.success(`${user.active ? '已停用' : '已启用'}：${user.username}`),
    onSettled: () => queries.invalidateQueries({ queryKey: USERS_KEY }),
  });
  const departmentName = new Map((departments.data ?? []).map((d) => [d.id, d.name]));
  const columns: TableColumnsType<User> = [
    { title: '用户名', dataIndex: 'username' },
    { title: '姓名', dataIndex: 'displayName' },
    { title: '角色', dataIndex: 'role', render: (role: string) => label(ROLE_LABELS, role) },
    {
      title: '所属部门',
      dataIndex: 'departmentId',
      render: (id: string | null) => (id ? (departmentName.get(id) ?? '—') : '—'),
    },
    {
      title: '状态',
      dataIndex: 'active',
      render: (active: boolean) =>
        active ? <Tag color="success">启用</Tag> : <Tag color="default">已停用</Tag>,
    },
  ];
  if (isAdmin) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 160,
      render: (_, user) => (
        <Space>
          <Button
            size="small"
            aria-label={`编辑：${user.username}`}
            onClick={() => setEditing(user)}
          >
            编辑
          </Button>
          <Popconfirm
            title={user.active ? `停用 ${user.username}？` : `启用 ${user.username}？`}
            description={user.active ? '停用后该用户无法登录，已登录的会话立即失效。' : undefined}
            okText={user.active ? '停用' : '启用'}
            cancelText="取消"
            onConfirm={() => toggle.mutate(user)}
          >
            <Button
              size="small"
              danger={user.active}
              aria-label={`${user.active ? '停用' : '启用'}：${user.username}`}
              loading={toggle.isPending && toggle.variables.id === user.id}
            >
              {user.active ? '停用' : '启用'}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }
  return (
    <>
      {isAdmin && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
          style={{ marginBottom: 16 }}
        >
          新建用户
        </Button>
      )}
      <ErrorAlert error={users.error} />
      <ErrorAlert error={toggle.error} />
      <Table<User>
        aria-label="用户列表"
        rowKey="id"
        size="small"
        loading={users.isPending}
        columns={columns}
        dataSource={users.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: '暂无用户' }}
      />
      {/* A new dialog (and form) for each user edited, so no one's values carry over. */}
      <UserDialog
        key={editing === null ? 'closed' : editing === 'new' ? 'new' : editing.id}
        editing={editing}
        departments={departments.data ?? []}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
