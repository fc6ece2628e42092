import { useQuery } from '@tanstack/react-query';
import { App, Empty, Skeleton, Tabs, Typography } from 'antd';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { formatCount, formatDate, RATING_LABELS } from '../../shared/format';
import { ApprovalCard } from './ApprovalCard';
import { APPROVALS_KEY, type Decision, useDecision } from './approval-actions';
import {
  type ApprovalItem,
  focusAfterDecision,
  type InboxTab,
  kindFilter,
  stepFocus,
  tabOf,
} from './approval-inbox';
import { ReturnDialog } from './ReturnDialog';

const SUCCESS: Record<Decision['kind'], string> = {
  'approve-completion': '已批准办结',
  'return-completion': '已退办',
  'approve-extension': '已批准延期',
  'reject-extension': '已驳回延期申请',
};

/** 待审批: the office decides declared completions (with a rating, or 退办) and extensions. */
export default function ApprovalsPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const tab = tabOf(params.get('kind'));
  const queue = useQuery({
    queryKey: [APPROVALS_KEY, tab],
    queryFn: () =>
      unwrap(api.GET('/api/v1/approvals', { params: { query: { kind: kindFilter(tab) } } })),
  });
  const decision = useDecision();
  const [returning, setReturning] = useState<ApprovalItem | null>(null);
  const [returnError, setReturnError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  /** The item the keyboard goes to once the queue is read again after a decision. */
  const focusNext = useRef<string | null>(null);
  const cards = useRef(new Map<string, HTMLLIElement>());
  const items = useMemo(() => queue.data?.items ?? [], [queue.data]);

  useEffect(() => {
    const next = focusNext.current;
    if (next && !queue.isFetching) {
      cards.current.get(next)?.focus();
      focusNext.current = null;
    }
  }, [queue.data, queue.isFetching]);

  const decide = (item: ApprovalItem, chosen: Decision) => {
    setActionError(null);
    decision.mutate(chosen, {
      onSuccess: () => {
        void message.success(
          chosen.kind === 'approve-completion'
            ? `${SUCCESS[chosen.kind]}（${RATING_LABELS[chosen.rating]}）：${item.task.number}`
            : `${SUCCESS[chosen.kind]}：${item.task.number}`,
        );
        focusNext.current = focusAfterDecision(
          items.map((each) => each.id),
          item.id,
        );
        if (chosen.kind === 'return-completion') {
          setReturning(null);
        }
      },
      onError: (error) =>
        chosen.kind === 'return-completion' ? setReturnError(error) : setActionError(error),
    });
  };

  const onKeyDown = (index: number) => (event: KeyboardEvent<HTMLLIElement>) => {
    const next = stepFocus(items.length, index, event.key);
    if (next !== null && event.target === event.currentTarget) {
      event.preventDefault();
      cards.current.get(items[next].id)?.focus();
    }
  };

  const counts = queue.data?.counts;
  const tabLabel = (name: string, count: number | undefined) =>
    count === undefined ? name : `${name}（${formatCount(count)}）`;

  return (
    <section aria-label="待审批">
      <Typography.Paragraph type="secondary">
        按提交先后排列，最早提交的在最上面。用 Tab 键在事项和按钮间移动，↑ ↓ 键在事项间切换。
        {queue.data && ` 天数按北京时间计至 ${formatDate(queue.data.asOf)}。`}
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'all' ? {} : { kind: key }, { replace: true })}
        items={
          [
            {
              key: 'all',
              label: tabLabel('全部', counts && counts.completion + counts.extension),
            },
            { key: 'completion', label: tabLabel('办结申报', counts?.completion) },
            { key: 'extension', label: tabLabel('延期申请', counts?.extension) },
          ] satisfies Array<{ key: InboxTab; label: string }>
        }
      />
      <ErrorAlert error={queue.error} />
      <ErrorAlert error={actionError} />
      {queue.isPending ? (
        <Skeleton active />
      ) : items.length === 0 && !queue.error ? (
        <Empty description="没有待审批的事项" />
      ) : (
        <ul aria-label="待审批事项" style={{ padding: 0, margin: 0 }}>
          {items.map((item, index) => (
            <ApprovalCard
              key={item.id}
              ref={(element) => {
                if (element) {
                  cards.current.set(item.id, element);
                } else {
                  cards.current.delete(item.id);
                }
              }}
              item={item}
              busy={decision.isPending}
              onKeyDown={onKeyDown(index)}
              onApprove={(rating) =>
                decide(item, { kind: 'approve-completion', taskId: item.task.id, rating })
              }
              onReturn={() => {
                setReturnError(null);
                setReturning(item);
              }}
              onDecideExtension={(approve) =>
                decide(item, {
                  kind: approve ? 'approve-extension' : 'reject-extension',
                  requestId: item.id,
                })
              }
            />
          ))}
        </ul>
      )}
      <ReturnDialog
        item={returning}
        busy={decision.isPending}
        error={returnError}
        onCancel={() => setReturning(null)}
        onSubmit={(reason) =>
          returning &&
          decide(returning, { kind: 'return-completion', taskId: returning.task.id, reason })
        }
      />
    </section>
  );
}
