/**
 * bench:mail — fired notices composed and delivered by the notifier into a local SMTP server, beside
 * a bare nodemailer pooled loop sending the same number of mails of the same size and envelope
 * (a recipient and the office in copy) to the same server with the same pool, measured in the
 * same run. Then the same notices paced at half that rate, as delayed compose jobs: lateness from
 * each job's due time to SMTP acceptance.
 * Usage: npm run bench:mail [-- --mails 10000]
 */
import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { createTransport } from 'nodemailer';
import type { DataSource } from 'typeorm';
import { JobName, QueueName, composeNoticesJobId } from '@duban/contracts';
import { createDataSource, dropDatabase, ensureDatabase, runMigrations } from '@duban/db';
import { smtpPoolOptions } from '@duban/mail';
import { bullConnectionFromUrl } from '@duban/queue';
import { createTestRedis, pollUntil, SmtpSink, testConfig } from '@duban/testing';
import { NotifierModule } from '../../apps/notifier/src/notifier.module';
import { seedDepartments, seedFiredNotices } from '../../apps/notifier/test/notice.factory';
import { report } from './bench-report';

const MAILS = Number(process.argv[process.argv.indexOf('--mails') + 1]) || 10_000;
const POOL = 5;
const BATCH = 1000;
const BURST_DAY = '2026-11-19';
const PACED_DAY = '2026-11-20';
const databaseUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/duban');
databaseUrl.pathname = `/duban_bench_${randomUUID().slice(0, 8)}`;

async function seed(dataSource: DataSource, day: string): Promise<string[]> {
  const departments: string[] = [];
  for (let i = 0; i < MAILS; i += BATCH) {
    const batch = await seedDepartments(dataSource, Math.min(BATCH, MAILS - i));
    await seedFiredNotices(
      dataSource,
      batch.map((departmentId) => ({ departmentId, day })),
    );
    departments.push(...batch);
  }
  return departments;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const url = databaseUrl.toString();
  await ensureDatabase(url);
  const dataSource = createDataSource({ url, poolSize: 4 });
  await dataSource.initialize();
  await runMigrations(dataSource);
  const redis = createTestRedis();
  const sink = await SmtpSink.start();
  const base = testConfig({ databaseUrl: url, redisUrl: redis.url, redisPrefix: redis.prefix });
  const config = {
    ...base,
    database: { ...base.database, poolSize: 10 },
    smtp: { ...base.smtp, url: sink.url, maxConnections: POOL, ratePerSecond: 10_000 },
    log: { ...base.log, level: 'error' as const },
  };
  const queue = new Queue(QueueName.Mail, {
    connection: bullConnectionFromUrl(redis.url),
    prefix: redis.prefix,
  });
  // Started before the notices exist, so its start-up recovery finds nothing to re-queue.
  const notifier = await NestFactory.createApplicationContext(NotifierModule.forRoot(config), {
    logger: false,
  });
  const waitForMails = (count: number) =>
    pollUntil(() => sink.mails.length >= count, {
      timeoutMs: 30 * 60_000,
      intervalMs: 20,
      what: `${count} mails at the server`,
    });
  try {
    const burstDepartments = await seed(dataSource, BURST_DAY);
    const pacedDepartments = await seed(dataSource, PACED_DAY);

    // Notifier, burst: every compose job due at once.
    const started = Date.now();
    for (let i = 0; i < MAILS; i += BATCH) {
      await queue.addBulk(
        burstDepartments.slice(i, i + BATCH).map((departmentId) => ({
          name: JobName.ComposeNotices,
          data: { departmentId, day: BURST_DAY },
          opts: { jobId: composeNoticesJobId(departmentId, BURST_DAY), removeOnComplete: true },
        })),
      );
    }
    await waitForMails(MAILS);
    const burstSeconds = (Math.max(...sink.mails.map((m) => m.acceptedAt)) - started) / 1000;

    // Baseline: bare nodemailer pool, same server, same pool size, mails of the same size and
    // envelope: the notices are orange, so each mail also goes to the office in copy (a second
    // RCPT TO in every SMTP transaction).
    const [sample] = await dataSource.query<
      Array<{ subject: string; text: string; html: string; cc: string[] }>
    >(`SELECT subject, text_body AS text, html_body AS html, cc FROM mail_deliveries LIMIT 1`);
    if (sample.cc.length === 0) {
      throw new Error(
        'the sample mail has no copy: the baseline would send less than the notifier',
      );
    }
    const transport = createTransport(smtpPoolOptions(config.smtp));
    const bareStarted = Date.now();
    await Promise.all(
      Array.from({ length: MAILS }, (_, i) =>
        transport.sendMail({
          from: config.smtp.from,
          to: `d${i}@dept.example.gov.cn`,
          cc: sample.cc,
          subject: sample.subject,
          text: sample.text,
          html: sample.html,
          messageId: `<bare.${i}@duban>`,
        }),
      ),
    );
    const bareSeconds = (Date.now() - bareStarted) / 1000;
    transport.close();
    const burstRate = MAILS / burstSeconds;

    // Notifier, paced at half the burst rate: compose jobs delayed to their due times.
    const rate = burstRate / 2;
    const firstDue = Date.now() + 2000;
    const dueAt = new Map<string, number>();
    for (let i = 0; i < MAILS; i += BATCH) {
      const now = Date.now();
      await queue.addBulk(
        pacedDepartments.slice(i, i + BATCH).map((departmentId, j) => {
          const due = firstDue + ((i + j) / rate) * 1000;
          dueAt.set(departmentId, due);
          return {
            name: JobName.ComposeNotices,
            data: { departmentId, day: PACED_DAY },
            opts: {
              jobId: composeNoticesJobId(departmentId, PACED_DAY),
              removeOnComplete: true,
              delay: Math.max(0, due - now),
            },
          };
        }),
      );
    }
    await waitForMails(3 * MAILS);
    const departmentOf = new Map(
      (
        await dataSource.query<Array<{ messageId: string; departmentId: string }>>(
          `SELECT message_id AS "messageId", department_id AS "departmentId" FROM mail_deliveries`,
        )
      ).map((row) => [row.messageId, row.departmentId]),
    );
    const lateness = sink.mails
      .filter((mail) => dueAt.has(departmentOf.get(mail.messageId) ?? ''))
      .map((mail) => mail.acceptedAt - (dueAt.get(departmentOf.get(mail.messageId) ?? '') ?? 0))
      .sort((a, b) => a - b);
    if (lateness.length !== MAILS) {
      throw new Error(`paced run: ${lateness.length} of ${MAILS} mails matched their due time`);
    }
    const duplicates = sink.mails.length - new Set(sink.mails.map((m) => m.messageId)).size;

    const dataset = `${MAILS.toLocaleString('en-US')} fired notices, one department each; pool ${POOL}, local smtp-server`;
    report('mail', [
      {
        figure: 'notifier: mails/s (compose + deliver, burst)',
        value: burstRate,
        unit: 'mails/s',
        baseline: { label: 'bare nodemailer pool', value: MAILS / bareSeconds },
        better: 'higher',
        aim: '≥ 0.7×',
        dataset,
      },
      {
        figure: `p99 lateness, due time → SMTP acceptance (paced at ${Math.round(rate)}/s)`,
        value: percentile(lateness, 99) / 1000,
        unit: 's',
        better: 'lower',
        aim: '< 1 s',
        dataset,
      },
      {
        figure: 'p50 lateness (paced)',
        value: percentile(lateness, 50) / 1000,
        unit: 's',
        better: 'lower',
        dataset,
      },
      {
        figure: 'duplicate Message-IDs at the server',
        value: duplicates,
        unit: 'mails',
        better: 'lower',
        aim: '0',
        dataset,
      },
    ]);
  } finally {
    await notifier.close();
    await queue.close();
    await sink.stop();
    await redis.cleanup();
    await dataSource.destroy();
    await dropDatabase(url);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
