import type { INestApplicationContext } from '@nestjs/common';
import { deleteKeysWithPrefix, pollUntil } from '@duban/testing';
import { createNotifierHarness, type NotifierHarness } from '../test/notifier-harness';
import { DAY, seedDepartments, seedFiredNotices } from '../test/notice.factory';
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
        const rows = await h.db.dataSource.query<Array<{ attempts: number }>>(
          `SELECT attempts FROM mail_deliveries`,
        );
        return rows.length === 1 && rows[0].attempts >= 1;
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
});
