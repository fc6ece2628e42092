import type { UseMutationResult } from '@tanstack/react-query';
import { Form, type FormInstance, type FormProps, Modal } from 'antd';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../shared/ErrorAlert';

interface Props<T> {
  open: boolean;
  title: string;
  okText: string;
  form: FormInstance<T>;
  /** Saves the form's values; its refusal is shown above the form, which keeps what was typed. */
  mutation: UseMutationResult<unknown, Error, T>;
  initialValues: FormProps<T>['initialValues'];
  onClose: () => void;
  children: ReactNode;
}

/** The directory's add-or-edit dialog: a vertical form saved by a mutation, its refusal above. */
export function FormDialog<T>({
  open,
  title,
  okText,
  form,
  mutation,
  initialValues,
  onClose,
  children,
}: Props<T>) {
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="取消"
      okButtonProps={{ loading: mutation.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => mutation.reset()}
      destroyOnHidden
    >
      <ErrorAlert error={mutation.error} />
      <Form<T>
        form={form}
        initialValues={initialValues}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => mutation.mutate(values)}
      >
        {children}
      </Form>
    </Modal>
  );
}
