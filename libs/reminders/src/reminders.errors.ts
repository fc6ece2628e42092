/** config/reminders.yaml is missing, not YAML, or breaks a rule; `source` names the file. */
export class ReminderPolicyError extends Error {
  override readonly name = 'ReminderPolicyError';

  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid reminder policy ${source}: ${problems.join('; ')}`);
  }
}
