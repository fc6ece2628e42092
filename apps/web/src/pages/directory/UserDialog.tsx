import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Select } from 'antd';
import { api, unwrap } from '../../api/client';
import { label, ROLE_LABELS } from '../../shared/format';
import {
  type Department,
  isEmptyChange,
  type Role,
  ROLES,
  type User,
  userChange,
} from './directory-forms';
import { FormDialog } from './FormDialog';

export const USERS_KEY = ['directory', 'users'] as const;

interface NewUserForm {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  departmentId?: string | null;
}

interface Props {
  /** The user edited; 'new' to create one; null when closed. */
  editing: User | 'new' | null;
  departments: readonly Department[];
  onClose: () => void;
}

function save(editing: User | 'new', form: NewUserForm): Promise<unknown> {
  if (editing === 'new') {
    return unwrap(
      api.POST('/api/v1/users', {
        body: {
          username: form.username.trim(),
          displayName: form.displayName.trim(),
          password: form.password,
          role: form.role,
          departmentId: form.role === 'department' ? (form.departmentId ?? undefined) : undefined,
        },
      }),
    );
  }
  const change = userChange(editing, form);
  if (isEmptyChange(change)) {
    return Promise.resolve(editing);
  }
  return unwrap(
    api.PATCH('/api/v1/users/{id}', { params: { path: { id: editing.id } }, body: change }),
  );
}

/**
 * Creates a user (admin) or changes a user's name, role and department. The api refuses an
 * admin's change of their own role; its refusal is shown in words above the kept form.
 */
export function UserDialog({ editing, departments, onClose }: Props) {
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<NewUserForm>();
  const role = Form.useWatch('role', form);
  const creating = editing === 'new';
  const mutation = useMutation({
    mutationFn: (values: NewUserForm) => save(editing ?? 'new', values),
    onSuccess: async (_saved, values) => {
      await queries.invalidateQueries({ queryKey: USERS_KEY });
      void message.success(creating ? `已创建用户：${values.username.trim()}` : '已保存');
      onClose();
    },
  });
  const current = editing === 'new' ? null : editing;
  return (
    <FormDialog<NewUserForm>
      open={editing !== null}
      title={current ? `编辑用户：${current.username}` : '新建用户'}
      okText={creating ? '创建' : '保存'}
      form={form}
      mutation={mutation}
      onClose={onClose}
      initialValues={
        current
          ? {
              username: current.username,
              displayName: current.displayName,
              role: current.role,
              departmentId: current.departmentId,
            }
          : { role: 'department' }
      }
    >
      <Form.Item
        label="用户名"
        name="username"
        extra={creating ? '3–50 位字母、数字或 _ . -，用于登录' : undefined}
        rules={[{ required: true, whitespace: true, message: '请填写用户名' }]}
      >
        <Input disabled={!creating} autoComplete="off" maxLength={50} />
      </Form.Item>
      <Form.Item
        label="姓名"
        name="displayName"
        rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      {creating && (
        <Form.Item
          label="初始密码"
          name="password"
          extra="至少 10 个字符，可以是一句话；请当面或电话告知本人"
          rules={[{ required: true, message: '请填写初始密码' }]}
        >
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
      )}
      <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
        <Select options={ROLES.map((value) => ({ value, label: label(ROLE_LABELS, value) }))} />
      </Form.Item>
      {role === 'department' && (
        <Form.Item
          label="所属部门"
          name="departmentId"
          rules={[{ required: true, message: '责任单位用户须选择所属部门' }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={departments.map((department) => ({
              value: department.id,
              label: department.name,
            }))}
          />
        </Form.Item>
      )}
    </FormDialog>
  );
}
