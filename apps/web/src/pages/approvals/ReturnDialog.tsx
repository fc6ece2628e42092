import { Input, Modal, Typography } from 'antd';
import { useId, useState } from 'react';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { returnReason } from './approval-inbox';
import type { ApprovalItem } from './approval-inbox';

interface Props {
  /** The completion being returned; null when the dialog is closed. */
  item: ApprovalItem | null;
  busy: boolean;
  /** The last refusal of this return (a 409 when someone decided first); shown above the reason. */
  error: unknown;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}

/**
 * 退办 with a reason. The typed reason lives here until the return succeeds or the person
 * cancels, so a refusal (the completion decided by someone else meanwhile) never loses it.
 */
export function ReturnDialog({ item, busy, error, onSubmit, onCancel }: Props) {
  const [typed, setTyped] = useState('');
  const [blank, setBlank] = useState(false);
  const fieldId = useId();
  const submit = () => {
    const reason = returnReason(typed);
    setBlank(reason === null);
    if (reason) {
      onSubmit(reason);
    }
  };
  return (
    <Modal
      open={item !== null}
      title={item ? `退办：${item.task.number} ${item.task.title}` : '退办'}
      okText="确认退办"
      cancelText="取消"
      okButtonProps={{ danger: true, loading: busy }}
      onOk={submit}
      onCancel={onCancel}
      afterClose={() => {
        setTyped('');
        setBlank(false);
      }}
      destroyOnHidden={false}
    >
      <ErrorAlert error={error} />
      <label htmlFor={fieldId}>
        <Typography.Text strong>退办理由</Typography.Text>（将告知承办部门）
      </label>
      <Input.TextArea
        id={fieldId}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        autoSize={{ minRows: 3, maxRows: 8 }}
        maxLength={2000}
        status={blank ? 'error' : undefined}
        aria-invalid={blank}
        aria-describedby={blank ? `${fieldId}-blank` : undefined}
        autoFocus
        style={{ marginTop: 8 }}
      />
      {blank && (
        <Typography.Text type="danger" id={`${fieldId}-blank`}>
          请填写退办理由
        </Typography.Text>
      )}
    </Modal>
  );
}
