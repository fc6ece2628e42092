import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { pollUntil, TcpLink } from '@duban/testing';
import { createNotifierHarness, type NotifierHarness } from '../../test/notifier-harness';
import { DAY, seedDepartments, seedFiredNotices } from '../../test/notice.factory';
import { NotifierModule } from '../notifier.module';

// jest's testTimeout is global (a project's own is ignored); hooks start databases and servers.
jest.setTimeout(60_000);

/**
 * PostgreSQL restarting just as the SMTP server accepts a mail (the reliability suite saw 15
 * mails sent twice): recording the mail sent failed, the job failed, and its retry sent the mail
 * again. The notifier now waits for the database to record it instead.
 */
describe('notifier: the database goes away between the SMTP reply and the sent mark', () => {
  let h: NotifierHarness;
  let link: TcpLink;
  let app: INestApplicationContext;

  beforeAll(async () => {
    h = await createNotifierHarness();
    link = TcpLink.to(h.db.url);
    await link.up();
    app = await NestFactory.createApplicationContext(
      NotifierModule.forRoot(
        { ...h.config, database: { ...h.config.database, url: link.rewrite(h.db.url) } },
        { deliverRetry: { attempts: 5, backoff: { type: 'fixed', delay: 200 } } },
      ),
      { logger: false },
    );
  });
  afterAll(async () => {
    await app.close();
    await link.down();
    await h.close();
  });

  it('records the mail once the database is back, and sends it once', async () => {
    const [departmentId] = await seedDepartments(h.db.dataSource, 1);
    await seedFiredNotices(h.db.dataSource, [{ departmentId }]);
    const cut: { done: Promise<void> | null } = { done: null };
    // The server has the mail; before it answers 250 the notifier's database connections drop.
    h.sink.onMail = () => {
      h.sink.onMail = null;
      cut.done = link.down();
    };
    await h.compose(departmentId, DAY);
    await pollUntil(() => cut.done !== null, { what: 'the mail at the server' });
    await cut.done;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await link.up();

    const [row] = await pollUntil(
      async () => {
        const rows = await h.db.dataSource.query<Array<{ messageId: string; state: string }>>(
          `SELECT message_id AS "messageId", state FROM mail_deliveries`,
        );
        return rows.length === 1 && rows[0].state === 'sent' ? rows : null;
      },
      { timeoutMs: 30_000, what: 'the mail recorded sent' },
    );
    // Give a wrongly retried job time to send again before counting.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(h.sink.counts().get(row.messageId)).toBe(1);
    expect(h.sink.mails).toHaveLength(1);
  });
});
