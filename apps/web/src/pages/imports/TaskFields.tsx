import { Form, Input } from 'antd';
import { DeadlineInput } from './DeadlineInput';

interface Props {
  /** Whose fields, for their accessible names: 任务 三.(一) 的名称, 新任务的名称. */
  subject: string;
  /** A new task needs its lead written; an existing one may be left without (a warning says so). */
  leadRequired: boolean;
}

/** The fields of a task the office writes in review: title, deadline, lead and support names. */
export function TaskFields({ subject, leadRequired }: Props) {
  return (
    <>
      <Form.Item
        label="任务名称"
        name="title"
        rules={[{ required: true, whitespace: true, message: '请填写任务名称' }]}
      >
        <Input.TextArea autoSize aria-label={`${subject}的名称`} />
      </Form.Item>
      <Form.Item label="完成时限" name="deadline">
        <DeadlineInput aria-label={`${subject}的完成时限`} />
      </Form.Item>
      <Form.Item
        label="牵头单位（多个用、分隔）"
        name="lead"
        rules={
          leadRequired ? [{ required: true, whitespace: true, message: '请填写牵头单位' }] : []
        }
      >
        <Input.TextArea autoSize aria-label={`${subject}的牵头单位`} />
      </Form.Item>
      <Form.Item label="配合单位（多个用、分隔）" name="support">
        <Input.TextArea autoSize aria-label={`${subject}的配合单位`} />
      </Form.Item>
    </>
  );
}
