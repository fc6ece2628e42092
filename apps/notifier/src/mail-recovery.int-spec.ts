import type { INestApplicationContext } from '@nestjs/common';
import { deliverMailJob } from '@duban/mail';
import { deleteKeysWithPrefix, pollUntil } from '@duban/testing';
import { createNotifierHarness, type NotifierHarness } from '../test/notifier-harness';
import { DAY, seedDepartments, seedFiredNotices } from '../test/notice.factory';
import { HELD_MAIL_STALE_SECONDS } from './deliver/held-mail';
import { MailDeliveryRepository } from './deliver/mail-delivery.repository';
import { MailRecoveryService } from './mail-recovery.service';

// jest's testTimeout is global (a project's own is ignored); hooks start databases and servers.
jest.setTimeout(60_000);

/**
 * Redis flushed under a running notifier (the reliability suite's FLUSHALL): mail waiting for a
 * retry and notices waiting to be composed lost their jobs, and nothing sent them until the
 * notifier was restarted. The recovery the running notifier repeats finds them in PostgreSQL.
 */
describe('notifier: mail whose jobs Redis lost while it runs', () => {
  let h: NotifierHarness;
  let app: INestApplicationContext;

  beforeAll(async () => {
    h = await createNotifierHarness();
    app = await h.start({
      deliverRetry: { attempts: 10, backoff: { type: 'fixed', delay: 60_000 } },
    });
  });
  afterAll(() => h.close());

  const states = () =>
    h.db.dataSource.query<Array<{ messageId: string; state: string }>>(
      `SELECT message_id AS "messageId", state FROM mail_deliveries ORDER BY message_id`,
    );

  it('sends them once it looks again, each once', async () => {
    const [waiting, uncomposed] = await seedDepartments(h.db.dataSource, 2);
    await seedFiredNotices(h.db.dataSource, [
      { departmentId: waiting },
      { departmentId: uncomposed },
    ]);
    // One mail fails against a dead server and waits a minute for its retry.
    await h.sink.stop();
    await h.compose(waiting, DAY);
    await pollUntil(
      async () => {
        const rows = await h.db.dataSource.query<Array<{ attempts: number; state: string }>>(
          `SELECT attempts, state FROM mail_deliveries`,
        );
        return rows.length === 1 && rows[0].attempts === 1 && rows[0].state === 'pending';
      },
      { what: 'the first attempt failed' },
    );
    // Redis loses every job: the retry, and the other department's compose never added.
    await deleteKeysWithPrefix(h.redis.client, h.redis.prefix);
    await h.sink.listen();

    const recovery = app.get(MailRecoveryService);
    // Rows touched just now are left to the jobs that may still be running.
    expect(await recovery.recover(3600, 3600)).toEqual({ deliveries: 0, composes: 0 });
    expect(await recovery.recover(0, 0)).toEqual({ deliveries: 1, composes: 1 });
    const sent = await pollUntil(
      async () => {
        const rows = await states();
        return rows.length === 2 && rows.every((r) => r.state === 'sent') ? rows : null;
      },
      { what: 'both mails sent' },
    );
    const counts = h.sink.counts();
    expect(sent.map((r) => counts.get(r.messageId))).toEqual([1, 1]);
  });

  it('takes over a mail being sent only once its holder has stopped touching it', async () => {
    const [held, abandoned] = await seedDepartments(h.db.dataSource, 2);
    const notices = await seedFiredNotices(h.db.dataSource, [
      { departmentId: held },
      { departmentId: abandoned },
    ]);
    // Two first attempts as a notifier records them (`sending`, attempt 1), both untouched for
    // longer than HELD_MAIL_STALE_SECONDS; then the holder of the first touches it (it lives).
    const rows = await h.db.dataSource.query<Array<{ id: string; messageId: string }>>(
      `INSERT INTO mail_deliveries (message_id, department_id, reminder_ids, recipients, cc, subject,
                                    text_body, html_body, state, attempts, updated_at)
       SELECT '<held-' || n.i || '@duban.test>', n.department_id, ARRAY[n.reminder_id],
              ARRAY['held' || n.i || '@dept.example.gov.cn'], '{}', '督办提醒', 'text', '<p>html</p>',
              'sending', 1, now() - make_interval(secs => n.age)
         FROM unnest($1::uuid[], $2::uuid[], $3::int[]) WITH ORDINALITY
              AS n(department_id, reminder_id, age, i)
       RETURNING id, message_id AS "messageId"`,
      [
        [held, abandoned],
        notices.map((n) => n.reminderId),
        [HELD_MAIL_STALE_SECONDS + 5, HELD_MAIL_STALE_SECONDS + 5],
      ],
    );
    expect(await new MailDeliveryRepository(h.db.dataSource).touch([rows[0].id])).toEqual([
      rows[0].id,
    ]);
    // A DeliverMail job for the touched row (another notifier's recovery that read it stale just
    // before the touch) does not claim it: its holder sends it.
    const racing = deliverMailJob(rows[0].id);
    await h.deliveryQueue.add(racing.name, racing.data, racing.opts);
    await pollUntil(
      async () => ((await h.deliveryQueue.getJob(racing.opts.jobId ?? '')) ? null : true),
      { what: 'the racing DeliverMail job done' },
    );
    const recovery = app.get(MailRecoveryService);
    // At start-up too (age 0): a live notifier elsewhere may hold the first.
    expect(await recovery.recover(0, 3600)).toEqual({ deliveries: 1, composes: 0 });

    const sent = await pollUntil(
      async () => {
        const [row] = await h.db.dataSource.query<Array<{ state: string; attempts: number }>>(
          `SELECT state, attempts FROM mail_deliveries WHERE id = $1`,
          [rows[1].id],
        );
        return row.state === 'sent' ? row : null;
      },
      { what: 'the abandoned mail sent' },
    );
    expect(sent.attempts).toBe(2);
    expect(h.sink.byMessageId(rows[1].messageId)).toHaveLength(1);
    expect(h.sink.byMessageId(rows[0].messageId)).toHaveLength(0);
    const [untouched] = await h.db.dataSource.query<Array<{ state: string; attempts: number }>>(
      `SELECT state, attempts FROM mail_deliveries WHERE id = $1`,
      [rows[0].id],
    );
    expect(untouched).toEqual({ state: 'sending', attempts: 1 });
  });
});
