import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { type Clock, realMsUntil } from '@duban/clock';
import { JobName, type JobPayloads, QueueName } from '@duban/contracts';
import { REDIS_CLIENT } from '@duban/queue';
import type { JobRow } from './reminder.repository';
import { COMPOSE_NOTICES_JOB, FIRE_REMINDER_JOB } from './reminder-job.options';

type FireReminderQueue = Queue<
  JobPayloads[typeof JobName.FireReminder],
  unknown,
  typeof JobName.FireReminder
>;
type MailQueue = Queue<JobPayloads[typeof JobName.ComposeNotices], unknown, string>;

/** The BullMQ mirror of the schedule: one delayed FireReminder job per scheduled row, jobId = row id. */
@Injectable()
export class ReminderJobs {
  constructor(
    @InjectQueue(QueueName.Reminders) private readonly reminders: FireReminderQueue,
    @InjectQueue(QueueName.Mail) private readonly mail: MailQueue,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  /** Adds a delayed job per row; a jobId Redis already holds is left as it is. */
  async add(rows: readonly JobRow[], clock: Clock): Promise<void> {
    if (rows.length === 0) {
      return;
    }
    await this.reminders.addBulk(
      rows.map((row) => ({
        name: JobName.FireReminder,
        data: { reminderId: row.id },
        opts: {
          ...FIRE_REMINDER_JOB,
          jobId: row.id,
          delay: realMsUntil(clock, new Date(row.fireAt)),
        },
      })),
    );
  }

  /** Removes the jobs of cancelled rows. A job already running stays; the fire re-check stops it. */
  async remove(ids: readonly string[]): Promise<void> {
    await Promise.all(ids.map((id) => this.reminders.remove(id)));
  }

  /**
   * The ids among `ids` whose job Redis does not hold, whatever state the job is in: EXISTS on
   * the jobs' own keys (named by BullMQ's toKey). One EXISTS of every key counts them first, which
   * settles the usual cases in one command: all there (a daily sweep) or none (after a FLUSHALL).
   * Only a batch in between is checked id by id, in one pipelined round trip.
   */
  async missing(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) {
      return new Set();
    }
    const keys = ids.map((id) => this.reminders.toKey(id));
    const present = await this.redis.exists(...keys);
    if (present === 0) {
      return new Set(ids);
    }
    if (present === ids.length) {
      return new Set();
    }
    const pipeline = this.redis.pipeline();
    keys.forEach((key) => pipeline.exists(key));
    const results = (await pipeline.exec()) ?? [];
    const missing = new Set<string>();
    results.forEach(([error, exists], index) => {
      if (error) {
        throw error;
      }
      if (exists === 0) {
        missing.add(ids[index]);
      }
    });
    return missing;
  }

  /**
   * Asks the notifier to compose the department's mail of `day` after `delayMs` (real time: the
   * digest window): every notice fired meanwhile finds this waiting job (same jobId) and leaves
   * in the same mail.
   */
  async compose(departmentId: string, day: string, delayMs: number): Promise<void> {
    await this.mail.add(
      JobName.ComposeNotices,
      { departmentId, day },
      { ...COMPOSE_NOTICES_JOB, jobId: composeJobId(departmentId, day), delay: delayMs },
    );
  }
}

/** `compose:<departmentId>:<day>`: one waiting compose job per department and day. */
export function composeJobId(departmentId: string, day: string): string {
  return `compose:${departmentId}:${day}`;
}
