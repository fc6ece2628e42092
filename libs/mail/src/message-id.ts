import { createHash } from 'node:crypto';

/**
 * The Message-ID of the mail that carries exactly these reminders. It is derived from what the
 * mail is (department, day, the set of reminders), never from a counter or the clock, so composing
 * the same notices again yields the same id and the unique index on mail_deliveries refuses the
 * second row; receivers can also drop a duplicate by it.
 */
export function noticeMessageId(
  departmentId: string,
  day: string,
  reminderIds: readonly string[],
): string {
  const digest = createHash('sha256')
    .update([...reminderIds].sort().join(','))
    .digest('hex')
    .slice(0, 16);
  return `<notices.${day}.${departmentId}.${digest}@duban>`;
}
