/**
 * What must hold after the run, read from the run's database, the SMTP server's inbox and the
 * load process's request log. Each check answers ok or not with the numbers behind it.
 */
import { Client } from 'pg';
import { EVENT_ROUTES, type EventType } from '@duban/contracts';
import type { ReceivedMail } from '@duban/testing';
import type { FaultWindow } from './faults';
import type { LoadRecord, RequestRecord, WriteRecord } from './load';

export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string[];
}

const check = (name: string, ok: boolean, ...detail: string[]): CheckResult => ({
  name,
  ok,
  detail,
});

async function count(db: Client, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: number }>(sql, params);
  return rows[0].n;
}

/**
 * Every committed task has its assignments, audit rows, events and reminder rows; the outbox is
 * empty. `simNow` is the simulated time of the check: an open assignment whose last reminder
 * fired within the last simulated day gets its next report cycle at the next daily sweep.
 */
export async function ledgerChecks(db: Client, simNow: Date): Promise<CheckResult[]> {
  const tasks = await count(db, `SELECT count(*)::int AS n FROM tasks`);
  const assignments = await count(db, `SELECT count(*)::int AS n FROM task_assignments`);
  const withoutLead = await count(
    db,
    `SELECT count(*)::int AS n FROM tasks t
      WHERE NOT EXISTS (SELECT 1 FROM task_assignments a WHERE a.task_id = t.id AND a.role = 'lead')`,
  );
  const withoutAudit = await count(
    db,
    `SELECT count(*)::int AS n FROM tasks t
      WHERE NOT EXISTS (SELECT 1 FROM audit_log l
                         WHERE l.entity_type = 'task' AND l.entity_id = t.id AND l.action = 'task.create')`,
  );
  const withoutEvent = await count(
    db,
    `SELECT count(*)::int AS n FROM task_assignments a
      WHERE NOT EXISTS (SELECT 1 FROM outbox o
                         WHERE o.type = 'TaskAssigned' AND o.aggregate_id = a.task_id
                           AND o.payload->>'departmentId' = a.department_id::text)`,
  );
  const { rows: unscheduled } = await db.query<{ n: number; waiting: number }>(
    `SELECT count(*)::int AS n,
            count(*) FILTER (WHERE EXISTS (
              SELECT 1 FROM reminders r
               WHERE r.task_id = a.task_id AND r.department_id = a.department_id
                 AND r.fire_at > $1::timestamptz - interval '26 hours'))::int AS waiting
       FROM task_assignments a JOIN tasks t ON t.id = a.task_id
      WHERE t.status IN ('open', 'completion_pending')
        AND NOT EXISTS (SELECT 1 FROM reminders r
                         WHERE r.task_id = a.task_id AND r.department_id = a.department_id
                           AND r.state = 'scheduled')`,
    [simNow],
  );
  const openWithoutSchedule = unscheduled[0].n - unscheduled[0].waiting;
  const withoutReminders = await count(
    db,
    `SELECT count(*)::int AS n FROM task_assignments a
      WHERE NOT EXISTS (SELECT 1 FROM reminders r
                         WHERE r.task_id = a.task_id AND r.department_id = a.department_id)`,
  );
  const unpublished = await count(
    db,
    `SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`,
  );
  const events = await db.query<{ id: string; type: EventType; consumers: string[] }>(
    `SELECT o.id, o.type,
            coalesce(array_agg(p.consumer) FILTER (WHERE p.consumer IS NOT NULL), '{}') AS consumers
       FROM outbox o LEFT JOIN processed_events p ON p.event_id = o.id
      GROUP BY o.id, o.type`,
  );
  const unapplied = new Map<string, number>();
  for (const event of events.rows) {
    for (const consumer of EVENT_ROUTES[event.type] ?? []) {
      if (!event.consumers.includes(consumer)) {
        const key = `${consumer} ← ${event.type}`;
        unapplied.set(key, (unapplied.get(key) ?? 0) + 1);
      }
    }
  }
  const missing = [...unapplied.values()].reduce((a, b) => a + b, 0);
  return [
    check(
      'every task has a lead department',
      tasks > 0 && withoutLead === 0,
      `${tasks} tasks, ${assignments} assignments; ${withoutLead} tasks without a lead`,
    ),
    check(
      'every task has its audit row (task.create)',
      withoutAudit === 0,
      `${withoutAudit} tasks without one`,
    ),
    check(
      'every assignment has its TaskAssigned event',
      withoutEvent === 0,
      `${withoutEvent} assignments without one`,
    ),
    check(
      'every assignment has reminder rows; open ones a scheduled row',
      withoutReminders === 0 && openWithoutSchedule === 0,
      `${withoutReminders} assignments without any reminder row, ${openWithoutSchedule} open ones without a scheduled row (${unscheduled[0].waiting} more whose last reminder fired in the last simulated day, planned again by the next sweep)`,
    ),
    check('the outbox drained to zero', unpublished === 0, `${unpublished} unpublished events`),
    check(
      'every event was applied by each consumer it is routed to',
      missing === 0,
      `${events.rows.length} events, ${missing} (consumer, event) pairs not applied`,
      ...[...unapplied].map(([key, n]) => `  ${key}: ${n}`),
    ),
  ];
}

export interface MailWindows {
  /** When the notifier was killed: mails the server accepted before and that were not yet recorded may come twice. */
  notifierKills: number[];
  /** When the SMTP server went down: a mail accepted at that moment may not have had its 250. */
  smtpOutages: number[];
  maxConnections: number;
}

/** Every reminder that came due by `cutoff` (simulated) was fired, mailed, and each mail arrived once. */
export async function mailChecks(
  db: Client,
  mails: readonly ReceivedMail[],
  cutoff: Date,
  windows: MailWindows,
): Promise<{ results: CheckResult[]; duplicates: string[]; mailed: number }> {
  const states = await db.query<{ state: string; n: number }>(
    `SELECT state, count(*)::int AS n FROM reminders WHERE fire_at <= $1 GROUP BY state ORDER BY state`,
    [cutoff],
  );
  const byState = Object.fromEntries(states.rows.map((r) => [r.state, r.n]));
  const due = states.rows.reduce((sum, r) => sum + r.n, 0);
  const notMailed = (byState.scheduled ?? 0) + (byState.fired ?? 0) + (byState.failed ?? 0);
  const sentWithoutMail = await count(
    db,
    `SELECT count(*)::int AS n FROM reminders r
      WHERE r.state = 'sent' AND (SELECT count(*) FROM mail_deliveries d
                                   WHERE d.state = 'sent' AND r.id = ANY (d.reminder_ids)) <> 1`,
  );
  const deliveries = await db.query<{ messageId: string; state: string; due: boolean }>(
    `SELECT message_id AS "messageId", state,
            EXISTS (SELECT 1 FROM reminders r WHERE r.id = ANY (d.reminder_ids) AND r.fire_at <= $1) AS due
       FROM mail_deliveries d`,
    [cutoff],
  );
  // Mails of reminders that came due later may still be on their way.
  const unsent = deliveries.rows.filter((d) => d.due && d.state !== 'sent');
  const received = new Map<string, ReceivedMail[]>();
  for (const mail of mails) {
    received.set(mail.messageId, [...(received.get(mail.messageId) ?? []), mail]);
  }
  const sentIds = deliveries.rows.filter((d) => d.state === 'sent').map((d) => d.messageId);
  const never = sentIds.filter((id) => !received.has(id));
  const known = new Set(deliveries.rows.map((d) => d.messageId));
  const strangers = [...received.keys()].filter((id) => !known.has(id));
  const duplicates: string[] = [];
  const unexplained: string[] = [];
  const perKill = new Map<number, number>();
  for (const [id, copies] of received) {
    if (copies.length < 2) {
      continue;
    }
    const first = copies[0].acceptedAt;
    duplicates.push(
      `${id} ×${copies.length}, accepted at ${copies.map((c) => new Date(c.acceptedAt).toISOString().slice(11, 23)).join(' and ')}`,
    );
    // A copy accepted before a kill of the notifier (or an SMTP crash) whose row still said
    // `sending`: the documented in-flight window. At most one per pooled connection and kill.
    const kill = windows.notifierKills.find((at) => first <= at && copies[1].acceptedAt >= at);
    const outage = windows.smtpOutages.find((at) => first <= at && at - first < 5_000);
    const at = kill ?? outage;
    if (copies.length === 2 && at !== undefined) {
      perKill.set(at, (perKill.get(at) ?? 0) + 1);
    } else {
      unexplained.push(id);
    }
  }
  const overPool = [...perKill.values()].some((n) => n > windows.maxConnections);
  if (duplicates.length > 0) {
    const rows = await db.query<{ messageId: string; attempts: number; lastError: string | null }>(
      `SELECT message_id AS "messageId", attempts, last_error AS "lastError" FROM mail_deliveries
        WHERE message_id = ANY ($1::text[])`,
      [[...received].filter(([, copies]) => copies.length > 1).map(([id]) => id)],
    );
    for (const row of rows.rows) {
      const at = duplicates.findIndex((d) => d.startsWith(row.messageId));
      duplicates[at] += `; ${row.attempts} attempts, last error: ${row.lastError ?? 'none'}`;
    }
  }
  return {
    duplicates,
    mailed: sentIds.length,
    results: [
      check(
        'every reminder that came due was fired and mailed',
        due > 0 && notMailed === 0 && sentWithoutMail === 0,
        `${due} reminders due by ${cutoff.toISOString()} (simulated): ${states.rows
          .map((r) => `${r.n} ${r.state}`)
          .join(', ')}`,
        `${sentWithoutMail} sent reminders not carried by exactly one sent mail`,
      ),
      check(
        'every mail recorded sent reached the SMTP server; nothing else did',
        unsent.length === 0 && never.length === 0 && strangers.length === 0,
        `${deliveries.rows.length} mails recorded, ${unsent.length} of reminders due by the cutoff not sent (${unsent
          .slice(0, 5)
          .map((d) => d.state)
          .join(
            ', ',
          )}), ${never.length} sent but never received, ${strangers.length} received but unknown`,
      ),
      check(
        'each mail arrived once (duplicates only in the in-flight window)',
        unexplained.length === 0 && !overPool,
        `${mails.length} received, ${received.size} distinct Message-IDs, ${duplicates.length} duplicated`,
        `${duplicates.length - unexplained.length} in the in-flight window of a notifier kill or SMTP crash (at most ${windows.maxConnections} each), ${unexplained.length} outside it`,
      ),
    ],
  };
}

const overlaps = (r: RequestRecord, w: { start: number; end: number }, graceMs: number) =>
  r.t0 <= w.end + graceMs && r.t1 >= w.start - graceMs;

/** No 5xx but 503 with Retry-After while PostgreSQL was down; no missing answer but while the API was. */
export function httpChecks(
  records: readonly LoadRecord[],
  faults: readonly FaultWindow[],
): CheckResult[] {
  const requests = records.filter((r): r is RequestRecord => r.type === 'req');
  const pgDown = faults.filter((f) => f.kind === 'postgres-restart');
  const apiDown = faults.filter((f) => f.kind === 'kill' && f.target === 'api');
  const bad5xx = requests.filter(
    (r) =>
      r.status >= 500 &&
      !(r.status === 503 && r.retryAfter && pgDown.some((w) => overlaps(r, w, 2_000))),
  );
  const allowed503 =
    requests.filter((r) => r.status === 503).length - bad5xx.filter((r) => r.status === 503).length;
  const unanswered = requests.filter((r) => r.status === 0);
  const badUnanswered = unanswered.filter(
    (r) => r.error === 'timeout' || !apiDown.some((w) => overlaps(r, w, 1_000)),
  );
  const describe = (list: RequestRecord[]) => {
    const groups = new Map<string, number>();
    for (const r of list) {
      const key = `${r.method} ${r.route} → ${r.status || r.error}`;
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    return [...groups]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([key, n]) => `  ${n} × ${key}`);
  };
  return [
    check(
      'no 5xx but 503 with Retry-After while PostgreSQL was down',
      bad5xx.length === 0,
      `${requests.length} requests; ${allowed503} × 503 with Retry-After during PostgreSQL restarts; ${bad5xx.length} other 5xx`,
      ...describe(bad5xx),
    ),
    check(
      'every request answered, but while the API process was down',
      badUnanswered.length === 0,
      `${unanswered.length - badUnanswered.length} refused or reset during API restarts; ${badUnanswered.length} otherwise (timeouts count here)`,
      ...describe(badUnanswered),
    ),
  ];
}

/** Every write the API answered 2xx is in the database. */
export async function durabilityCheck(
  db: Client,
  records: readonly LoadRecord[],
): Promise<CheckResult> {
  const writes = records.filter((r): r is WriteRecord => r.type === 'write');
  const missing: string[] = [];
  const of = <K extends WriteRecord['kind']>(kind: K) =>
    writes.filter((w): w is Extract<WriteRecord, { kind: K }> => w.kind === kind);

  const reports = of('progress').map((w) => w.reportId);
  const foundReports = await count(
    db,
    `SELECT count(*)::int AS n FROM progress_reports WHERE id = ANY ($1::uuid[])`,
    [reports],
  );
  if (foundReports !== new Set(reports).size) {
    missing.push(`${new Set(reports).size - foundReports} progress reports`);
  }
  const acks = of('acknowledge');
  const foundAcks = await count(
    db,
    `SELECT count(*)::int AS n FROM task_assignments a
       JOIN unnest($1::uuid[], $2::uuid[]) AS w(task_id, department_id)
         ON a.task_id = w.task_id AND a.department_id = w.department_id
      WHERE a.acknowledged_at IS NOT NULL`,
    [acks.map((w) => w.taskId), acks.map((w) => w.departmentId)],
  );
  if (foundAcks !== acks.length) {
    missing.push(`${acks.length - foundAcks} acknowledgements`);
  }
  const declared = of('declare').map((w) => w.completionId);
  const foundDeclared = await count(
    db,
    `SELECT count(*)::int AS n FROM task_completions WHERE id = ANY ($1::uuid[])`,
    [declared],
  );
  if (foundDeclared !== new Set(declared).size) {
    missing.push(`${new Set(declared).size - foundDeclared} completion declarations`);
  }
  const approved = [...new Set(of('approve').map((w) => w.taskId))];
  const foundApproved = await count(
    db,
    `SELECT count(*)::int AS n FROM tasks t WHERE t.id = ANY ($1::uuid[]) AND t.status = 'completed'
        AND EXISTS (SELECT 1 FROM task_completions c WHERE c.task_id = t.id AND c.state = 'approved')`,
    [approved],
  );
  if (foundApproved !== approved.length) {
    missing.push(`${approved.length - foundApproved} approvals`);
  }
  const returnsPerTask = new Map<string, number>();
  for (const w of of('return')) {
    returnsPerTask.set(w.taskId, (returnsPerTask.get(w.taskId) ?? 0) + 1);
  }
  const returned = await db.query<{ taskId: string; n: number }>(
    `SELECT task_id AS "taskId", count(*)::int AS n FROM task_completions
      WHERE state = 'returned' AND task_id = ANY ($1::uuid[]) GROUP BY task_id`,
    [[...returnsPerTask.keys()]],
  );
  const returnedOf = new Map(returned.rows.map((r) => [r.taskId, r.n]));
  const shortReturns = [...returnsPerTask].filter(([task, n]) => (returnedOf.get(task) ?? 0) < n);
  if (shortReturns.length) {
    missing.push(`${shortReturns.length} tasks with fewer returned completions than answered`);
  }
  const commits = of('commit');
  const plans = await db.query<{ id: string; tasks: number }>(
    `SELECT p.id, (SELECT count(*)::int FROM tasks t WHERE t.plan_id = p.id) AS tasks
       FROM plans p WHERE p.id = ANY ($1::uuid[])`,
    [commits.map((w) => w.planId)],
  );
  const planTasks = new Map(plans.rows.map((p) => [p.id, p.tasks]));
  const badPlans = commits.filter((w) => planTasks.get(w.planId) !== w.taskCount);
  if (badPlans.length) {
    missing.push(`${badPlans.length} committed plans missing or short of tasks`);
  }
  const counts = (['progress', 'acknowledge', 'declare', 'approve', 'return', 'commit'] as const)
    .map((kind) => `${of(kind).length} ${kind}`)
    .join(', ');
  return check(
    'every write answered 2xx is durable',
    missing.length === 0 && writes.length > 0,
    `${writes.length} confirmed writes (${counts})`,
    missing.length ? `missing: ${missing.join('; ')}` : 'none missing',
  );
}
