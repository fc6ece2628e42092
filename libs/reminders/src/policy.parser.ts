import { CORE_SCHEMA, load } from 'js-yaml';
import { reminderPolicySchema, type ReminderPolicy } from './policy.schema';
import { ReminderPolicyError } from './reminders.errors';

/**
 * Reads the text of a reminder policy file. Every problem is reported at once, each naming its
 * key (e.g. `ladder.1.workingDaysOverdue`); `source` names the file in the message.
 */
export function parseReminderPolicy(source: string, text: string): ReminderPolicy {
  let raw: unknown;
  try {
    raw = load(text, { schema: CORE_SCHEMA });
  } catch (error) {
    throw new ReminderPolicyError(source, [
      `not valid YAML: ${(error as Error).message.split('\n')[0]}`,
    ]);
  }
  const result = reminderPolicySchema.safeParse(raw);
  if (!result.success) {
    throw new ReminderPolicyError(
      source,
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return result.data;
}
