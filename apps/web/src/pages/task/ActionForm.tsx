import { Button, Card, Form, type FormInstance } from 'antd';
import { type ReactNode, useState } from 'react';
import { ErrorAlert } from '../../shared/ErrorAlert';

interface ActionFormProps<Values> {
  title: string;
  submitLabel: string;
  form: FormInstance<Values>;
  /** Sends the step; a rejection (an ApiError) is shown in words above the fields. */
  submit: (values: Values) => Promise<unknown>;
  /** Called after the api accepted the step (the page reads the task again). */
  done: () => Promise<void>;
  children?: ReactNode;
  danger?: boolean;
}

/**
 * One workflow step as a form: what the person typed stays in the fields when the api refuses
 * (a stale page, a closed task), with the refusal in Chinese; the fields clear once accepted.
 */
export function ActionForm<Values extends object>({
  title,
  submitLabel,
  form,
  submit,
  done,
  children,
  danger,
}: ActionFormProps<Values>) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await submit(values);
      form.resetFields();
      await done();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={title} size="small" style={{ marginBottom: 16 }}>
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => void onFinish(values)}
        aria-label={title}
      >
        <ErrorAlert error={error} style={{ marginBottom: 12 }} />
        {children}
        <Button type="primary" danger={danger} htmlType="submit" loading={busy} block>
          {submitLabel}
        </Button>
      </Form>
    </Card>
  );
}
