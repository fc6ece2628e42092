import type { components } from '../../api/schema';

export type ApprovalItem = components['schemas']['ApprovalItemDto'];
export type ApprovalKind = ApprovalItem['kind'];
/** The queue's tabs: everything, or one kind of decision. */
export type InboxTab = ApprovalKind | 'all';

export const KIND_LABELS: Record<ApprovalKind, string> = {
  completion: '办结申报',
  extension: '延期申请',
};

/** The tab an address asks for (?kind=…); anything else shows the whole queue. */
export function tabOf(kind: string | null): InboxTab {
  return kind === 'completion' || kind === 'extension' ? kind : 'all';
}

/** The query the api is asked for a tab: no kind for the whole queue. */
export function kindFilter(tab: InboxTab): ApprovalKind | undefined {
  return tab === 'all' ? undefined : tab;
}

/** How long an item has waited, as the office says it. */
export function ageLabel(days: number): string {
  if (days <= 0) {
    return '今天提交';
  }
  return days === 1 ? '已等 1 天' : `已等 ${days} 天`;
}

/**
 * How urgent the wait looks: a decision is due within a few days (the workflow's habit, three
 * working days), so from three days on the item is marked, from a week on it is red.
 */
export function ageTone(days: number): 'default' | 'warning' | 'error' {
  if (days >= 7) {
    return 'error';
  }
  return days >= 3 ? 'warning' : 'default';
}

/**
 * Where the keyboard goes after an item is decided and leaves the queue: the item that took
 * its place (the next one), or the one before when it was the last; null when none is left.
 */
export function focusAfterDecision(ids: readonly string[], decidedId: string): string | null {
  const index = ids.indexOf(decidedId);
  if (index < 0) {
    return ids[0] ?? null;
  }
  return ids[index + 1] ?? ids[index - 1] ?? null;
}

/** Arrow keys, Home and End move between the queue's items; other keys are the item's own. */
export function stepFocus(count: number, index: number, key: string): number | null {
  if (count === 0) {
    return null;
  }
  switch (key) {
    case 'ArrowDown':
      return Math.min(index + 1, count - 1);
    case 'ArrowUp':
      return Math.max(index - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** A return's reason as sent: trimmed; blank is no reason (the api requires one). */
export function returnReason(typed: string): string | null {
  const reason = typed.trim();
  return reason.length > 0 ? reason : null;
}
