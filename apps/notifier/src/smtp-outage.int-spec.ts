import { pollUntil } from '@duban/testing';
import { createNotifierHarness, type NotifierHarness } from '../test/notifier-harness';
import { DAY, seedDepartments, seedFiredNotices } from '../test/notice.factory';

// jest's testTimeout is global (a project's own is ignored); hooks start databases and servers.
jest.setTimeout(60_000);

const OUTAGE_MS = 30_000;
const MAILS = 20;
// The production shape (exponential, jitter, bounded) with a shorter base, so the spec takes
// about a minute: waits of 0.25–0.5, 0.5–1, 1–2 … s; at most 7 attempts fit in 30 s.
const BACKOFF = { attempts: 10, backoff: { type: 'exponential', delay: 500, jitter: 0.5 } };

describe('notifier: SMTP server down for 30 s', () => {
  let h: NotifierHarness;

  beforeAll(async () => {
    h = await createNotifierHarness({ maxConnections: 2 });
    await h.start({ deliverRetry: BACKOFF });
  });

  afterAll(async () => {
    await h.close();
  });

  interface Row {
    messageId: string;
    state: string;
    attempts: number;
    lastError: string | null;
  }
  const rows = () =>
    h.db.dataSource.query<Row[]>(
      `SELECT message_id AS "messageId", state, attempts, last_error AS "lastError" FROM mail_deliveries`,
    );

  it('delivers every mail once after the server returns, with bounded attempts', async () => {
    const departments = await seedDepartments(h.db.dataSource, MAILS);
    await seedFiredNotices(
      h.db.dataSource,
      departments.map((departmentId) => ({ departmentId })),
    );
    await h.sink.stop();
    const downAt = Date.now();
    for (const departmentId of departments) {
      await h.compose(departmentId, DAY);
    }

    // While the server is down every mail is retried, none is given up.
    const failing = await pollUntil(
      async () => {
        const all = await rows();
        return all.length === MAILS && all.every((r) => r.attempts >= 2) ? all : null;
      },
      { timeoutMs: 20_000, what: 'every mail tried at least twice' },
    );
    expect(failing.every((r) => r.state !== 'failed')).toBe(true);
    expect(failing[0].lastError).toMatch(/ECONNREFUSED/);
    await pollUntil(() => Date.now() - downAt >= OUTAGE_MS, {
      timeoutMs: OUTAGE_MS + 5_000,
      intervalMs: 500,
      what: 'the outage to last 30 s',
    });
    const beforeReturn = await rows();
    expect(beforeReturn.filter((r) => r.state === 'failed')).toEqual([]);
    expect(h.sink.mails).toHaveLength(0);

    await h.sink.listen();
    const sent = await pollUntil(
      async () => {
        const all = await rows();
        return all.every((r) => r.state === 'sent') ? all : null;
      },
      { timeoutMs: 60_000, intervalMs: 250, what: 'every mail sent after the server returned' },
    );

    const counts = h.sink.counts();
    expect(counts.size).toBe(MAILS);
    for (const row of sent) {
      expect(counts.get(row.messageId)).toBe(1);
      // Retried, but no storm: 30 s of exponential waits from 0.25 s fit at most 8 attempts.
      expect(row.attempts).toBeGreaterThanOrEqual(3);
      expect(row.attempts).toBeLessThanOrEqual(8);
    }
  }, 120_000);
});
