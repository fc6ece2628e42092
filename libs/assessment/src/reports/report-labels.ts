import type { DeltaRule, Role } from '@duban/scoring';

/** How the office reads a rule and a role in the report files. */
export const RULE_LABELS: Readonly<Record<DeltaRule, string>> = {
  on_time: '按时办结',
  completed_late: '逾期办结',
  overdue_open: '逾期未办结',
  quality_excellent: '办结质量 优',
  quality_good: '办结质量 良',
  quality_fair: '办结质量 中',
  quality_poor: '办结质量 差',
  late_report: '进展迟报',
  missed_report: '进展漏报',
  cap: '最高分封顶',
  floor: '最低分保底',
};

export const ROLE_LABELS: Readonly<Record<Role, string>> = { lead: '牵头', support: '配合' };

export const NOT_ASSESSED_LABELS: Readonly<Record<string, string>> = {
  no_tasks_in_year: '不参加考核（本年度无任务）',
  nothing_settled_yet: '不参加考核（尚无已办结或逾期任务）',
};

export const METHOD_LABELS: Readonly<Record<string, string>> = {
  points: '计分法 (points)',
  'weighted-share': '加权完成率 (weighted-share)',
};
