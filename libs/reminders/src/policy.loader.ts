import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseReminderPolicy } from './policy.parser';
import type { ReminderPolicy } from './policy.schema';
import { ReminderPolicyError } from './reminders.errors';

export const REMINDER_POLICY_FILE = 'reminders.yaml';

/** Reads `<configDir>/reminders.yaml`: the library's only I/O. */
export async function loadReminderPolicy(configDir: string): Promise<ReminderPolicy> {
  const file = join(configDir, REMINDER_POLICY_FILE);
  const shown = relative(process.cwd(), file) || file;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ReminderPolicyError(shown, ['the file does not exist']);
    }
    throw error;
  }
  return parseReminderPolicy(shown, text);
}
