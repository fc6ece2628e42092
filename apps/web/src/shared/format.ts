/** zh-CN dates and numbers, and the Chinese words for the api's codes, in one place. */

const NUMBER = new Intl.NumberFormat('zh-CN');
const SCORE = new Intl.NumberFormat('zh-CN', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const DATE_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

export function formatCount(value: number): string {
  return NUMBER.format(value);
}

/** A score to the hundredth; '—' for a department without one (not assessed). */
export function formatScore(value: number | null): string {
  return value === null ? '—' : SCORE.format(value);
}

/** A calendar date the api sends as YYYY-MM-DD, as an office writes it: 2026年3月31日. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) {
    return '—';
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) {
    return iso;
  }
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

/** An instant (ISO timestamp) in Beijing time: 2026/03/31 09:00. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? DATE_TIME.format(new Date(iso)) : '—';
}

/** Today in Beijing time as YYYY-MM-DD (the board's and the api's calendar). */
export function todayInBeijing(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

export const ROLE_LABELS: Record<string, string> = {
  admin: '管理员',
  supervisor: '督查室',
  department: '责任单位',
  leader: '领导',
};

export const ASSIGNMENT_ROLE_LABELS: Record<string, string> = {
  lead: '牵头',
  support: '配合',
};

export const TASK_STATUS_LABELS: Record<string, string> = {
  open: '办理中',
  completion_pending: '办结待审批',
  completed: '已办结',
  cancelled: '已撤销',
};

export const LIGHT_LABELS: Record<string, string> = {
  red: '逾期',
  yellow: '临期',
  green: '正常',
};

export const LIGHT_COLORS: Record<string, string> = {
  red: '#cf1322',
  yellow: '#d48806',
  green: '#389e0d',
};

export const RATING_LABELS: Record<string, string> = {
  excellent: '优',
  good: '良',
  fair: '中',
  poor: '差',
};

/** The api's word for a thing, in Chinese; an unknown code is shown as it is. */
export function label(labels: Record<string, string>, code: string | null | undefined): string {
  return code ? (labels[code] ?? code) : '—';
}
