import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { JobName, composeNoticesJobId } from '@duban/contracts';
import { pollUntil } from '@duban/testing';
import {
  createNotifierHarness,
  type NotifierHarness,
} from '../../apps/notifier/test/notifier-harness';
import { DAY, seedDepartments, seedFiredNotices } from '../../apps/notifier/test/notice.factory';

// jest's testTimeout is global (a project's own is ignored); hooks start databases and servers.
jest.setTimeout(60_000);

const MAILS = 1000;
const POOL = 4;
const KILL_AT = 300;

/**
 * The notifier as its own process (the real entry point, apps/notifier/src/main.ts, reading a
 * duban.yaml written for this spec), so the test can SIGKILL it mid-batch and start it again.
 */
function startNotifier(configDir: string): ChildProcess {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, '../../apps/notifier/src/main.ts')],
    {
      cwd: join(__dirname, '../..'),
      // Only what the process needs: no DATABASE_URL etc. from the test run overriding the file.
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DUBAN_CONFIG_DIR: configDir,
        TZ: 'Asia/Shanghai',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
    } else {
      child.once('exit', () => resolve());
    }
  });

describe('notifier killed with SIGKILL in the middle of a 1,000-mail batch', () => {
  let h: NotifierHarness;
  let configDir: string;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    h = await createNotifierHarness({ maxConnections: POOL, ratePerSecond: 10_000 });
    configDir = mkdtempSync(join(tmpdir(), 'duban-notifier-'));
    writeFileSync(
      join(configDir, 'duban.yaml'),
      dump({ ...h.config, log: { level: 'error', json: true } }),
    );
    copyFileSync(join(__dirname, '../../config/reminders.yaml'), join(configDir, 'reminders.yaml'));
    // A configuration folder holds the calendar overrides too; every service reads them from here.
    cpSync(join(__dirname, '../../config/calendar'), join(configDir, 'calendar'), {
      recursive: true,
    });
  });

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited(child);
    }
    rmSync(configDir, { recursive: true, force: true });
    await h.close();
  });

  interface Row {
    messageId: string;
    state: string;
  }
  const rows = () =>
    h.db.dataSource.query<Row[]>(`SELECT message_id AS "messageId", state FROM mail_deliveries`);

  it('delivers every mail once, except sends accepted but unrecorded at the kill', async () => {
    const departments = await seedDepartments(h.db.dataSource, MAILS);
    await seedFiredNotices(
      h.db.dataSource,
      departments.map((departmentId) => ({ departmentId })),
    );
    const first = startNotifier(configDir);
    child = first;
    // The kill lands while the server holds mail number KILL_AT and before it answers 250: that
    // mail (and any other then on the pool's connections) is accepted but never recorded as sent.
    let killedDuring = '';
    h.sink.onMail = (mail) => {
      if (h.sink.mails.length === KILL_AT) {
        killedDuring = mail.messageId;
        first.kill('SIGKILL');
      }
    };
    await h.queue.addBulk(
      departments.map((departmentId) => ({
        name: JobName.ComposeNotices,
        data: { departmentId, day: DAY },
        opts: { jobId: composeNoticesJobId(departmentId, DAY), removeOnComplete: true },
      })),
    );
    await pollUntil(() => first.signalCode === 'SIGKILL', {
      timeoutMs: 60_000,
      what: `the notifier killed at mail ${KILL_AT}`,
    });
    h.sink.onMail = null;
    const atKill = await rows();
    const sendingAtKill = new Set(
      atKill.filter((r) => r.state === 'sending').map((r) => r.messageId),
    );
    // The mail held at the kill was accepted by the server while its row still said sending.
    expect(sendingAtKill.has(killedDuring)).toBe(true);
    expect(atKill.filter((r) => r.state === 'sent').length).toBeLessThan(MAILS);

    // A mail already on the wire when the process died may still land after the kill; the second
    // process starts only once the old connections are gone (the server sees no open session).
    await pollUntil(() => h.sink.openConnections() === 0, { what: 'old SMTP sessions closed' });
    const beforeRestart = h.sink.mails.map((m) => m.messageId);
    child = startNotifier(configDir);
    const final = await pollUntil(
      async () => {
        const all = await rows();
        return all.length === MAILS && all.every((r) => r.state === 'sent') ? all : null;
      },
      { timeoutMs: 90_000, intervalMs: 250, what: 'all 1,000 mails sent after the restart' },
    );

    const counts = h.sink.counts();
    expect(counts.size).toBe(MAILS);
    expect(final.every((row) => counts.has(row.messageId))).toBe(true);
    const duplicated = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
    // Only a send the server accepted before the kill while its row said `sending` may arrive
    // twice; each pooled connection carries one such transaction at a time.
    expect(duplicated).toContain(killedDuring);
    expect(duplicated.length).toBeLessThanOrEqual(POOL);
    for (const id of duplicated) {
      expect(sendingAtKill.has(id)).toBe(true);
      expect(beforeRestart).toContain(id);
      expect(counts.get(id)).toBe(2);
    }
    expect(h.sink.mails.length).toBe(MAILS + duplicated.length);
    const reminders = await h.db.dataSource.query<Array<{ state: string; n: string }>>(
      `SELECT state, count(*) AS n FROM reminders GROUP BY state`,
    );
    expect(reminders).toEqual([{ state: 'sent', n: String(MAILS) }]);
  }, 150_000);
});
