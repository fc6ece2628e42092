import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { policyFactory } from '../test/reminders.factory';
import { copyToFor, formatNoticeNumber, isNoticeKind } from './notice-number';
import { parseReminderPolicy } from './policy.parser';
import { ReminderPolicyError } from './reminders.errors';

// Reads the committed policy (read-only, no other I/O) so a bad edit fails here before a run.
const shipped = readFileSync(join(__dirname, '../../../config/reminders.yaml'), 'utf8');

function errorOf(text: string): ReminderPolicyError {
  try {
    parseReminderPolicy('reminders.yaml', text);
  } catch (error) {
    return error as ReminderPolicyError;
  }
  throw new Error('expected the policy to be refused');
}

describe('the reminder policy', () => {
  it('ships config/reminders.yaml with the default rules', () => {
    expect(parseReminderPolicy('config/reminders.yaml', shipped)).toEqual(policyFactory());
  });

  it.each([
    ['fireTime', "fireTime: '09:00'", "fireTime: '9 am'", 'fireTime: expected a time of day'],
    [
      'a ladder that does not escalate',
      'workingDaysOverdue: 10',
      'workingDaysOverdue: 2',
      'ladder: steps must escalate',
    ],
    [
      'a notice number without its number',
      "format: '督办〔{year}〕{number}号'",
      "format: '督办〔{year}〕号'",
      'noticeNumber.format: expected a format containing {year} and {number}',
    ],
    [
      'a report day some months lack',
      'dueDayOfMonth: 28',
      'dueDayOfMonth: 31',
      'progressReports.dueDayOfMonth',
    ],
    ['a cron of 3 fields', "cron: '30 0 * * *'", "cron: '30 0 *'", 'sweep.cron: expected a cron'],
    [
      'an offset listed twice',
      'workingDaysBefore: [7, 3]',
      'workingDaysBefore: [3, 3]',
      'preDeadline.workingDaysBefore: lists an offset twice',
    ],
    [
      'an unknown key',
      'dueDay:\n  enabled: true',
      'dueDay:\n  enabled: true\n  hour: 9',
      'dueDay: Unrecognized key',
    ],
    ['another time zone', 'timezone: Asia/Shanghai', 'timezone: Asia/Urumqi', 'timezone:'],
  ])('refuses %s, naming the key', (_what, from, to, message) => {
    expect(shipped).toContain(from);
    const error = errorOf(shipped.replace(from, to));
    expect(error).toBeInstanceOf(ReminderPolicyError);
    expect(error.message).toContain(message);
  });

  it('refuses text that is not YAML', () => {
    expect(errorOf('fireTime: [09:00').message).toMatch(/reminders\.yaml: not valid YAML/);
  });

  it('numbers notices and copies the office from orange on', () => {
    const policy = policyFactory();
    expect(formatNoticeNumber(policy, 2026, 17)).toBe('督办〔2026〕17号');
    expect(copyToFor(policy, 'notice_blue')).toEqual([]);
    expect(copyToFor(policy, 'notice_orange')).toEqual(['duchashi@duban.local']);
    expect(copyToFor(policy, 'notice_red')).toEqual(['duchashi@duban.local']);
    expect(copyToFor(policy, 'due_day')).toEqual([]);
    expect(isNoticeKind('notice_red')).toBe(true);
    expect(isNoticeKind('pre_deadline')).toBe(false);
  });
});
