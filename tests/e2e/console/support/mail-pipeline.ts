import { simpleParser } from 'mailparser';
import { shanghaiDateOf } from '@duban/calendar';
import { pollUntil, SmtpSink } from '@duban/testing';
import {
  officialCalendar,
  type SchedulerHarness,
  SettableClock,
  startScheduler,
  testPolicy,
} from '../../../../apps/scheduler/test/scheduler.factory';
import type { ConsoleHarness } from './console-harness';
import { startNotifierInto } from './notifier-into';

/** The scheduler and notifier beside a console's api, mailing into an in-process SMTP server. */
export interface MailPipeline {
  scheduler: SchedulerHarness;
  sink: SmtpSink;
  /** The text body of the first mail sent to `address`, once it has arrived. */
  mailTo(address: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts the reminder path for tasks committed through the console, with the scheduler's clock
 * two seconds before 09:00 (Beijing) of the day the acknowledgement reminders fall due: the
 * working day after the policy's two working days from today. So each department that has not
 * acknowledged its new tasks gets its reminder mail, whose links point at this console.
 */
export async function startAcknowledgementMail(harness: ConsoleHarness): Promise<MailPipeline> {
  const policy = testPolicy({ digestWindowSeconds: 1 });
  const today = shanghaiDateOf(new Date());
  const dueDay = officialCalendar.addWorkingDays(
    today,
    policy.acknowledgement.withinWorkingDays + 1,
    { provisional: true },
  ).value;
  const clock = new SettableClock();
  clock.set(`${dueDay}T00:59:58Z`);
  const sink = await SmtpSink.start();
  const { db, redis, config: apiConfig } = harness.api;
  const scheduler = await startScheduler(db, redis, policy, { clock });
  const notifier = await startNotifierInto(apiConfig, sink, harness.origin);
  return {
    scheduler,
    sink,
    async mailTo(address) {
      const wanted = address.toLowerCase();
      await pollUntil(() => Promise.resolve(sink.mails.some((mail) => mail.to.includes(wanted))), {
        timeoutMs: 30_000,
        what: `a mail to ${address}`,
      });
      const mail = sink.mails.find((received) => received.to.includes(wanted));
      const parsed = await simpleParser(mail?.raw ?? '');
      return parsed.text ?? '';
    },
    async close() {
      await notifier.close();
      await scheduler.close();
      await sink.stop();
    },
  };
}
