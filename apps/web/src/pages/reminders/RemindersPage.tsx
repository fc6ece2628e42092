import { useQuery } from '@tanstack/react-query';
import { Button, Table, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { formatCount, formatDateTime, label } from '../../shared/format';
import {
  type Delivery,
  DELIVERY_STATE_LABELS,
  failedFirst,
  mailTabOf,
  type Reminder,
  REMINDER_KIND_LABELS,
  REMINDER_STATE_LABELS,
  STATE_COLORS,
  stillSending,
} from './mail-log';
import { MAIL_KEY, type ResendTarget, useResend } from './use-resend';

/** While a mail is on its way the list is read again this often, until it settles. */
const SETTLING_MS = 2_000;

/** What the two tabs' tables share. */
const LOG_TABLE = {
  rowKey: 'id',
  size: 'small',
  pagination: { pageSize: 50, hideOnSinglePage: true },
  scroll: { x: 1000 },
} as const;

function StateTag({ state, labels }: { state: string; labels: Record<string, string> }) {
  return <Tag color={STATE_COLORS[state]}>{label(labels, state)}</Tag>;
}

function ServerReply({ text }: { text: string | null }) {
  return text ? (
    <Typography.Text type="danger" style={{ wordBreak: 'break-word' }}>
      {text}
    </Typography.Text>
  ) : (
    '—'
  );
}

function ResendButton({
  target,
  busyId,
  onResend,
}: {
  target: ResendTarget;
  busyId: string | null;
  onResend: (target: ResendTarget) => void;
}) {
  return (
    <Button
      size="small"
      loading={busyId === target.id}
      disabled={busyId !== null && busyId !== target.id}
      aria-label={`重发：${target.label}`}
      onClick={() => onResend(target)}
    >
      重发
    </Button>
  );
}

/** 提醒与邮件: the mail log and the reminder schedule, failed ones first, with resend. */
export default function RemindersPage() {
  const [params, setParams] = useSearchParams();
  const tab = mailTabOf(params.get('tab'));
  const { resend, busyId, error: resendError } = useResend();
  const deliveries = useQuery({
    queryKey: [MAIL_KEY, 'deliveries'],
    queryFn: () => unwrap(api.GET('/api/v1/mail-deliveries', { params: { query: {} } })),
    refetchInterval: (query) => (stillSending(query.state.data ?? []) ? SETTLING_MS : false),
  });
  const reminders = useQuery({
    queryKey: [MAIL_KEY, 'reminders'],
    queryFn: () => unwrap(api.GET('/api/v1/reminders', { params: { query: {} } })),
    refetchInterval: (query) =>
      (query.state.data ?? []).some((row) => row.deliveryState === 'pending') ? SETTLING_MS : false,
  });
  const mails = useMemo(() => failedFirst(deliveries.data ?? []), [deliveries.data]);
  const schedule = useMemo(() => failedFirst(reminders.data ?? []), [reminders.data]);
  const failedMails = mails.filter((row) => row.state === 'failed').length;
  const failedReminders = schedule.filter((row) => row.state === 'failed').length;

  const mailColumns: TableColumnsType<Delivery> = [
    {
      title: '状态',
      dataIndex: 'state',
      width: 110,
      render: (state: string) => <StateTag state={state} labels={DELIVERY_STATE_LABELS} />,
    },
    { title: '主题', dataIndex: 'subject' },
    {
      title: '收件部门',
      dataIndex: 'departmentName',
      render: (name: string | null) => name ?? '—',
    },
    {
      title: '收件人',
      dataIndex: 'recipients',
      render: (recipients: string[]) => recipients.join('、'),
    },
    { title: '尝试次数', dataIndex: 'attempts', width: 90, align: 'right' },
    {
      title: '服务器回复',
      dataIndex: 'lastError',
      render: (text: string | null) => <ServerReply text={text} />,
    },
    {
      title: '时间',
      key: 'time',
      width: 150,
      render: (_, row) => formatDateTime(row.sentAt ?? row.updatedAt),
    },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_, row) =>
        row.state === 'failed' ? (
          <ResendButton
            target={{ kind: 'delivery', id: row.id, label: row.subject }}
            busyId={busyId}
            onResend={resend}
          />
        ) : null,
    },
  ];

  const reminderColumns: TableColumnsType<Reminder> = [
    {
      title: '状态',
      dataIndex: 'state',
      width: 110,
      render: (state: string) => <StateTag state={state} labels={REMINDER_STATE_LABELS} />,
    },
    {
      title: '类型',
      dataIndex: 'kind',
      render: (kind: string, row) =>
        `${label(REMINDER_KIND_LABELS, kind)}${row.noticeNumber ? `（${row.noticeNumber}）` : ''}`,
    },
    {
      title: '任务',
      dataIndex: 'taskTitle',
      render: (title: string, row) => <Link to={`/tasks/${row.taskId}`}>{title}</Link>,
    },
    { title: '承办部门', dataIndex: 'departmentName' },
    {
      title: '发出时间',
      dataIndex: 'fireAt',
      width: 150,
      render: (fireAt: string) => formatDateTime(fireAt),
    },
    {
      title: '邮件',
      key: 'mail',
      render: (_, row) =>
        row.deliveryState ? (
          <>
            <StateTag state={row.deliveryState} labels={DELIVERY_STATE_LABELS} />
            <ServerReply text={row.lastError} />
          </>
        ) : (
          '—'
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_, row) =>
        row.state === 'failed' && row.deliveryState === 'failed' ? (
          <ResendButton
            target={{
              kind: 'reminder',
              id: row.id,
              label: `${label(REMINDER_KIND_LABELS, row.kind)}：${row.taskTitle}`,
            }}
            busyId={busyId}
            onResend={resend}
          />
        ) : null,
    },
  ];

  const count = (name: string, failed: number, unit: string) =>
    failed > 0 ? `${name}（${formatCount(failed)} ${unit}失败）` : name;

  return (
    <section aria-label="提醒与邮件">
      <Typography.Paragraph type="secondary">
        发送失败的排在最前。重发沿用原邮件编号，对方若已收到可据此识别重复。
      </Typography.Paragraph>
      <ErrorAlert error={resendError} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'mail' ? {} : { tab: key }, { replace: true })}
        items={[
          {
            key: 'mail',
            label: count('邮件投递', failedMails, '封'),
            children: (
              <>
                <ErrorAlert error={deliveries.error} />
                <Table<Delivery>
                  aria-label="邮件投递记录"
                  {...LOG_TABLE}
                  loading={deliveries.isPending}
                  columns={mailColumns}
                  dataSource={mails}
                  locale={{ emptyText: '暂无邮件' }}
                />
              </>
            ),
          },
          {
            key: 'reminders',
            label: count('提醒', failedReminders, '项'),
            children: (
              <>
                <ErrorAlert error={reminders.error} />
                <Table<Reminder>
                  aria-label="提醒记录"
                  {...LOG_TABLE}
                  loading={reminders.isPending}
                  columns={reminderColumns}
                  dataSource={schedule}
                  locale={{ emptyText: '暂无提醒' }}
                />
              </>
            ),
          },
        ]}
      />
    </section>
  );
}
