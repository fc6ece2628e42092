import type { ReminderKind } from '@duban/db';
import {
  NOTICE_KINDS,
  type LadderStep,
  type NoticeKind,
  type ReminderPolicy,
} from './policy.schema';

export function isNoticeKind(kind: ReminderKind): kind is NoticeKind {
  return (NOTICE_KINDS as readonly ReminderKind[]).includes(kind);
}

/** 督办〔2026〕17号 from the policy's format. */
export function formatNoticeNumber(policy: ReminderPolicy, year: number, number: number): string {
  return policy.noticeNumber.format
    .replaceAll('{year}', String(year))
    .replaceAll('{number}', String(number));
}

/** The ladder step of a notice kind, or undefined for plain reminders and kinds off the ladder. */
export function ladderStepOf(policy: ReminderPolicy, kind: ReminderKind): LadderStep | undefined {
  return policy.ladder.find((step) => step.kind === kind);
}

/** Who is copied on a reminder of this kind: the office from the steps that say so. */
export function copyToFor(policy: ReminderPolicy, kind: ReminderKind): string[] {
  return ladderStepOf(policy, kind)?.copyToOffice ? [policy.office.email] : [];
}
