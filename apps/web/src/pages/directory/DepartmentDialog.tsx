import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Select, type SelectProps } from 'antd';
import { api, unwrap } from '../../api/client';
import {
  cleanList,
  type Department,
  departmentChange,
  type DepartmentForm,
  isEmptyChange,
} from './directory-forms';
import { FormDialog } from './FormDialog';

export const DEPARTMENTS_KEY = ['directory', 'departments'] as const;

/** The department directory, read once for every tab that shows or picks a department. */
export function useDepartments() {
  return useQuery({
    queryKey: DEPARTMENTS_KEY,
    queryFn: () => unwrap(api.GET('/api/v1/departments', { params: { query: {} } })),
  });
}

interface Props {
  /** The department edited; 'new' to add one; null when closed. */
  editing: Department | 'new' | null;
  onClose: () => void;
}

function save(editing: Department | 'new', form: DepartmentForm): Promise<unknown> {
  if (editing === 'new') {
    return unwrap(
      api.POST('/api/v1/departments', {
        body: {
          name: form.name.trim(),
          shortNames: cleanList(form.shortNames),
          aliases: cleanList(form.aliases),
          emails: cleanList(form.emails),
        },
      }),
    );
  }
  const change = departmentChange(editing, form);
  if (isEmptyChange(change)) {
    return Promise.resolve(editing);
  }
  return unwrap(
    api.PATCH('/api/v1/departments/{id}', { params: { path: { id: editing.id } }, body: change }),
  );
}

/**
 * A tag list typed one entry at a time: Enter (or a comma) ends an entry. Form.Item hands it
 * its value, onChange and id (the label's target), which go on to the Select.
 */
function TagsField(props: SelectProps<string[]>) {
  // No dropdown: it would only repeat what was typed, and would cover the dialog's buttons.
  return (
    <Select<string[]>
      {...props}
      mode="tags"
      open={false}
      suffixIcon={null}
      tokenSeparators={[',', '，', ';', '；']}
    />
  );
}

/**
 * Adds a department or edits one: its name, the short names and aliases plans write it by,
 * and the addresses its reminders go to. A refusal is shown above the form, which keeps what
 * was typed.
 */
export function DepartmentDialog({ editing, onClose }: Props) {
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<DepartmentForm>();
  const mutation = useMutation({
    mutationFn: (values: DepartmentForm) => save(editing ?? 'new', values),
    onSuccess: async (_saved, values) => {
      await queries.invalidateQueries({ queryKey: DEPARTMENTS_KEY });
      void message.success(`已保存：${values.name.trim()}`);
      onClose();
    },
  });
  const current = editing === 'new' ? null : editing;
  return (
    <FormDialog<DepartmentForm>
      open={editing !== null}
      title={current ? `编辑部门：${current.name}` : '新增部门'}
      okText="保存"
      form={form}
      mutation={mutation}
      onClose={onClose}
      initialValues={
        current
          ? {
              name: current.name,
              shortNames: current.shortNames,
              aliases: current.aliases,
              emails: current.emails,
            }
          : { name: '', shortNames: [], aliases: [], emails: [] }
      }
    >
      <Form.Item
        label="部门名称"
        name="name"
        rules={[{ required: true, whitespace: true, message: '请填写部门名称' }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label="简称" name="shortNames" extra="计划文件中不带“市”字的写法，回车确认一项">
        <TagsField placeholder="例如：发展改革委" />
      </Form.Item>
      <Form.Item label="别名" name="aliases" extra="办公室确认过的其他写法，回车确认一项">
        <TagsField placeholder="例如：市发改委" />
      </Form.Item>
      <Form.Item label="邮箱" name="emails" extra="提醒和督办通知发往这些地址，回车确认一项">
        <TagsField placeholder="例如：fgw@example.gov.cn" />
      </Form.Item>
    </FormDialog>
  );
}
