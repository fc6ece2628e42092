/**
 * Bad input, once the load is over: generated malformed imports (random bytes, truncated UTF-8,
 * 5 MB lines, deeply nested brackets, bodies and forms of the wrong types), forged and expired
 * tokens, role escalation, another department's tasks, SQL-injection strings in every filter.
 * Each must get a 4xx (a free-text filter may answer 200 with nothing matched), within a time
 * limit, and no request-written row may change.
 */
import { readFileSync } from 'node:fs';
import { load as parseYaml } from 'js-yaml';
import { JwtService } from '@nestjs/jwt';
import type { Client } from 'pg';
import type { CheckResult } from './checks';
import type { Answer, RequestOptions } from './http';
import type { System } from './system';
import { seededRandom } from '@duban/testing';
import { login, seedPlans, type World } from './world';
import { documentXml, writeDocx } from '../../apps/api/src/plan-imports/test/zip-writer';

/** Longest a bad request may take: a hang is a failure even if it ends in a 4xx. */
const LIMIT_MS = 20_000;
const FIVE_MB = 5 * 1024 * 1024;

interface Probe {
  category: string;
  what: string;
  method: string;
  path: string;
  options: RequestOptions;
  /** Statuses that pass; 4xx by default. */
  accept?: (answer: Answer) => boolean | string;
}

const is4xx = (a: Answer) => a.status >= 400 && a.status < 500;

/**
 * A body over its route's limit: the API may answer 413 and close before the body is sent, and
 * the client then sees the connection cut (EPIPE/ECONNRESET); nothing was read.
 */
const overBodyLimit = (a: Answer): true | string =>
  a.status === 413 || a.error === 'EPIPE' || a.error === 'ECONNRESET' || `${a.status || a.error}`;

/** Rows only requests write (the scheduler's and notifier's own writes go on meanwhile). */
async function snapshot(db: Client): Promise<Record<string, string>> {
  const { rows } = await db.query<Record<string, string>>(`
    SELECT (SELECT count(*) FROM plan_imports)::text AS plan_imports,
           (SELECT coalesce(max(updated_at), 'epoch')::text FROM plan_imports) AS plan_imports_changed,
           (SELECT count(*) FROM plans)::text AS plans,
           (SELECT count(*) FROM tasks)::text AS tasks,
           (SELECT coalesce(sum(row_version), 0) FROM tasks)::text AS task_versions,
           (SELECT count(*) FROM task_assignments)::text AS assignments,
           (SELECT count(*) FILTER (WHERE acknowledged_at IS NOT NULL) FROM task_assignments)::text AS acknowledged,
           (SELECT count(*) FROM progress_reports)::text AS progress_reports,
           (SELECT count(*) FROM task_completions)::text AS completions,
           (SELECT count(*) FROM extension_requests)::text AS extensions,
           (SELECT count(*) FROM users)::text AS users,
           (SELECT md5(string_agg(username || role || active::text || coalesce(department_id::text, ''), ',' ORDER BY id)) FROM users) AS users_digest,
           (SELECT count(*) FROM departments)::text AS departments,
           (SELECT coalesce(max(updated_at), 'epoch')::text FROM departments) AS departments_changed,
           (SELECT count(*) FROM audit_log WHERE actor_user_id IS NOT NULL)::text AS audit_by_users,
           (SELECT count(*) FROM outbox WHERE type NOT IN ('TaskOverdue', 'ReportMissed'))::text AS events_of_requests`);
  return rows[0];
}

function randomBytes(random: () => number, size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    bytes[i] = Math.floor(random() * 256);
  }
  return bytes;
}

function form(field: string, fileName: string, bytes: Uint8Array | string): FormData {
  const data = new FormData();
  data.append(field, new Blob([bytes]), fileName);
  return data;
}

/** `count` malformed imports of every kind, drawn from `random`. */
export function malformedImports(count: number, random: () => number, token: string): Probe[] {
  const plan = Buffer.from(seedPlans()[0].text, 'utf8');
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const brackets = ['()', '()', '〔〕', '【】', '[]', '{}', '《》'];
  const makers: Array<(i: number) => Probe> = [
    // Random bytes: as a JSON body, as an uploaded .txt and .docx, as the text of a JSON body.
    () => ({
      category: 'malformed import',
      what: 'random bytes as a JSON body',
      method: 'POST',
      path: '/plan-imports',
      options: {
        token,
        raw: randomBytes(random, 1 + Math.floor(random() * 16_384)),
        contentType: 'application/json',
      },
    }),
    () => ({
      category: 'malformed import',
      what: 'random bytes uploaded as .txt',
      method: 'POST',
      path: '/plan-imports/upload',
      options: {
        token,
        raw: form('file', 'plan.txt', randomBytes(random, 1 + Math.floor(random() * 16_384))),
      },
    }),
    () => ({
      category: 'malformed import',
      what: 'random bytes uploaded as .docx',
      method: 'POST',
      path: '/plan-imports/upload',
      options: {
        token,
        raw: form('file', 'plan.docx', randomBytes(random, 1 + Math.floor(random() * 16_384))),
      },
    }),
    () => ({
      category: 'malformed import',
      what: 'random characters as text',
      method: 'POST',
      path: '/plan-imports',
      options: {
        token,
        body: {
          text: Array.from({ length: 1 + Math.floor(random() * 5_000) }, () =>
            String.fromCodePoint(0x20 + Math.floor(random() * 0xd000)),
          ).join(''),
        },
      },
    }),
    // A real plan cut in the middle of a character.
    () => {
      let cut = Math.floor(random() * plan.length);
      while (cut > 0 && (plan[cut] & 0xc0) !== 0x80) {
        cut -= 1;
      }
      return {
        category: 'malformed import',
        what: 'a plan truncated inside a UTF-8 character',
        method: 'POST',
        path: '/plan-imports/upload',
        options: { token, raw: form('file', 'truncated.txt', plan.subarray(0, Math.max(cut, 1))) },
      };
    },
    // Invalid UTF-8 sequences inside otherwise good text.
    () => {
      const at = Math.floor(random() * plan.length);
      const bad = Buffer.concat([
        plan.subarray(0, at),
        Buffer.from([pick([0xc3, 0xe4, 0xf0, 0xff, 0xfe])]),
        plan.subarray(at),
      ]);
      return {
        category: 'malformed import',
        what: 'a plan with an invalid UTF-8 byte',
        method: 'POST',
        path: '/plan-imports/upload',
        options: { token, raw: form('file', 'invalid.txt', bad) },
      };
    },
    // Deeply nested brackets, with and without text between them, no numbered heading.
    () => {
      const [open, close] = [...pick(brackets)];
      const depth = 1_000 + Math.floor(random() * 50_000);
      return {
        category: 'malformed import',
        what: 'deeply nested brackets',
        method: 'POST',
        path: '/plan-imports',
        options: {
          token,
          body: {
            text: `${open.repeat(depth)}牵头${close.repeat(depth - Math.floor(random() * 3))}`,
          },
        },
      };
    },
    // Deeply nested JSON.
    () => {
      const depth = 1_000 + Math.floor(random() * 50_000);
      return {
        category: 'malformed import',
        what: 'deeply nested JSON arrays as text',
        method: 'POST',
        path: '/plan-imports',
        options: {
          token,
          raw: `{"text":${'['.repeat(depth)}${']'.repeat(depth)}}`,
          contentType: 'application/json',
        },
      };
    },
    // Wrong types in the JSON body and in the form.
    () => ({
      category: 'malformed import',
      what: 'JSON body of the wrong types',
      method: 'POST',
      path: '/plan-imports',
      options: {
        token,
        body: pick<unknown>([
          { text: 42 },
          { text: null },
          { text: ['一、任务'] },
          { text: { toString: '一、' } },
          { text: '一、任务', newVersion: 'yes' },
          { text: '一、任务', fileName: 7 },
          { text: '一、任务', fileName: '' },
          {},
          [],
          'text',
          { text: true },
        ]),
      },
    }),
    () => ({
      category: 'malformed import',
      what: 'a form of the wrong shape',
      method: 'POST',
      path: '/plan-imports/upload',
      options: {
        token,
        ...pick<RequestOptions>([
          { raw: form('document', 'plan.txt', plan) },
          {
            raw: (() => {
              const f = new FormData();
              f.append('file', '一、任务');
              return f;
            })(),
          },
          { raw: new FormData() },
          { raw: plan, contentType: 'text/plain' },
          { raw: 'file=plan.txt', contentType: 'application/x-www-form-urlencoded' },
          { raw: form('file', 'plan.pdf', plan) },
          { raw: form('file', 'plan.doc', plan) },
          {
            raw: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n一、',
            contentType: 'multipart/form-data; boundary=x',
          },
        ]),
      },
    }),
    () => ({
      category: 'malformed import',
      what: 'review edit or commit of the wrong types',
      method: pick(['PATCH', 'POST']),
      path: '',
      options: { token },
    }),
  ];
  const probes: Probe[] = [];
  for (let i = 0; probes.length < count; i++) {
    // Every fortieth a 5 MB line: just over the body limit, or just under it without a heading.
    if (i % 40 === 39) {
      const over = random() < 0.5;
      const line = '推进重点工作'.repeat(Math.floor((over ? FIVE_MB + 1024 : FIVE_MB - 4096) / 18));
      probes.push({
        category: 'malformed import',
        what: over ? 'a 5 MB line over the limit' : 'a 5 MB line under the limit',
        method: 'POST',
        path: random() < 0.5 ? '/plan-imports' : '/plan-imports/upload',
        options: { token },
      });
      const probe = probes[probes.length - 1];
      if (over) {
        probe.accept = overBodyLimit;
      }
      probe.options =
        probe.path === '/plan-imports'
          ? { token, raw: JSON.stringify({ text: line }), contentType: 'application/json' }
          : { token, raw: form('file', 'line.txt', line) };
      continue;
    }
    probes.push(makers[i % makers.length](i));
  }
  return probes;
}

/** Filters of every list route, each given each injection string. */
const FILTERS: Record<string, string[]> = {
  '/tasks': [
    'planId',
    'departmentId',
    'role',
    'status',
    'deadlineFrom',
    'deadlineTo',
    'overdue',
    'q',
    'cursor',
    'limit',
  ],
  '/board': ['asOf', 'departmentId', 'planId'],
  '/board/tasks': ['asOf', 'departmentId', 'planId', 'light', 'limit'],
  '/reminders': ['taskId', 'departmentId', 'state', 'limit'],
  '/mail-deliveries': ['state', 'departmentId', 'taskId', 'limit'],
  '/departments': ['q'],
};
/** Filters whose value is free text: a match of nothing is the right answer, not an error. */
const FREE_TEXT = new Set(['/tasks q', '/departments q']);
const INJECTIONS = [
  `' OR '1'='1`,
  `'; DROP TABLE tasks; --`,
  `1; SELECT pg_sleep(10)--`,
  `' UNION SELECT username, password_hash FROM users--`,
  `") OR 1=1 --`,
  `%' OR ''='`,
  `1 OR 1=1`,
  `'||(SELECT pg_sleep(10))||'`,
  `00000000-0000-0000-0000-000000000000' OR 'a'='a`,
  `\\'; UPDATE users SET role='admin'; --`,
  `$1`,
  `\u0000`,
];

export async function badInputChecks(
  system: System,
  db: Client,
  world: World,
  count: number,
  seed: number,
): Promise<CheckResult[]> {
  const http = system.http;
  const random = seededRandom(seed ^ 0x5eed);
  const office = await login(http, world.office[0]);
  const admin = await login(http, world.admin);
  const leader = await login(http, world.leader);
  const [deptA, deptB] = world.departments;
  const tokenA = await login(http, deptA.username);
  const tasks = await db.query<{
    id: string;
    mine: boolean;
    theirs: boolean;
    importId: string | null;
  }>(
    `SELECT t.id,
            EXISTS (SELECT 1 FROM task_assignments a WHERE a.task_id = t.id AND a.department_id = $1) AS mine,
            EXISTS (SELECT 1 FROM task_assignments a WHERE a.task_id = t.id AND a.department_id = $2) AS theirs,
            (SELECT i.id FROM plan_imports i WHERE i.plan_id = t.plan_id LIMIT 1) AS "importId"
       FROM tasks t WHERE t.status = 'open'`,
    [deptA.id, deptB.id],
  );
  const foreign = tasks.rows.find((t) => !t.mine && t.theirs) ?? tasks.rows.find((t) => !t.mine);
  const own = tasks.rows.find((t) => t.mine);
  const anyTask = tasks.rows[0];
  if (!foreign || !anyTask) {
    throw new Error('bad input: no open task to aim at');
  }
  const committedImport = anyTask.importId as string;

  const before = await snapshot(db);
  const probes = malformedImports(count, random, office);
  // Review edits and commits of the wrong types, against a committed import and unknown ids.
  for (const probe of probes.filter((p) => p.path === '')) {
    const id =
      random() < 0.5 ? committedImport : random() < 0.5 ? crypto.randomUUID() : 'not-an-id';
    probe.path = probe.method === 'PATCH' ? `/plan-imports/${id}` : `/plan-imports/${id}/commit`;
    probe.options.body = [
      { rowVersion: '1' },
      { rowVersion: 1, tasks: 'all' },
      { rowVersion: 1, tasks: [{ number: 1, deadline: 'tomorrow' }] },
      { rowVersion: 1, resolve: [{ written: ['x'], departmentId: 'x' }] },
      { rowVersion: -1 },
      { rowVersion: 1, tasks: [{ number: '1', lead: 'x'.repeat(300) }] },
      null,
    ][Math.floor(random() * 7)];
  }

  // Tokens: none, malformed, forged, expired, tampered, endless, of no user.
  const secret = system.jwtSecret;
  const claims = { sub: crypto.randomUUID(), username: 'intruder', role: 'admin', dept: null };
  const expired = new JwtService({ secret }).sign({
    ...claims,
    exp: Math.floor(Date.now() / 1000) - 60,
  });
  const forged = new JwtService({ secret: 'not-the-secret-of-this-system-0123456789' }).sign(
    claims,
  );
  const [header, payload, signature] = tokenA.split('.');
  const escalated = `${header}.${Buffer.from(
    JSON.stringify({
      ...(JSON.parse(Buffer.from(payload, 'base64url').toString()) as object),
      role: 'admin',
    }),
  ).toString('base64url')}.${signature}`;
  const endless = new JwtService({ secret }).sign({ ...claims, ver: 1 });
  const ghost = new JwtService({ secret }).sign({ ...claims, ver: 1 }, { expiresIn: 600 });
  const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
  const tokenProbes: Array<[string, Record<string, string>]> = [
    ['no token', {}],
    ['empty bearer', { authorization: 'Bearer ' }],
    ['basic scheme', { authorization: 'Basic YWRtaW46YWRtaW4=' }],
    ['garbage', { authorization: 'Bearer not.a.token' }],
    ['expired (right secret)', { authorization: `Bearer ${expired}` }],
    ['forged (other secret)', { authorization: `Bearer ${forged}` }],
    ['alg none', { authorization: `Bearer ${none}` }],
    ['payload edited to admin', { authorization: `Bearer ${escalated}` }],
    // Signed with this system's own secret: a leaked secret still needs a real, current user.
    ['no expiry (right secret)', { authorization: `Bearer ${endless}` }],
    ['no such user (right secret)', { authorization: `Bearer ${ghost}` }],
  ];
  const tokenRoutes: Array<[string, string, unknown?]> = [
    ['GET', '/tasks'],
    ['GET', '/users'],
    [
      'POST',
      '/users',
      { username: 'intruder', displayName: 'x', password: 'intruder-pass', role: 'admin' },
    ],
    ['POST', '/departments/directory/load'],
    ['POST', `/tasks/${anyTask.id}/progress`, { text: 'x', percent: 1 }],
  ];
  for (const [what, headers] of tokenProbes) {
    for (const [method, path, body] of tokenRoutes) {
      probes.push({
        category: 'forged or expired token',
        what,
        method,
        path,
        options: { headers, body },
        accept: (a) => a.status === 401,
      });
    }
  }

  // Roles acting beyond their role.
  const forbidden = (what: string, token: string, method: string, path: string, body?: unknown) =>
    probes.push({
      category: 'role escalation',
      what,
      method,
      path,
      options: { token, body },
      accept: (a) => a.status === 403,
    });
  forbidden('department creates an admin', tokenA, 'POST', '/users', {
    username: 'sneaky',
    displayName: 'x',
    password: 'sneaky-pass-1',
    role: 'admin',
  });
  forbidden('department lists users', tokenA, 'GET', '/users');
  forbidden('department loads the directory', tokenA, 'POST', '/departments/directory/load');
  forbidden('department imports a plan', tokenA, 'POST', '/plan-imports', { text: '一、任务' });
  forbidden('department edits a deadline', tokenA, 'PATCH', `/tasks/${anyTask.id}`, {
    rowVersion: 1,
    deadline: '2030-01-01',
  });
  forbidden('department reassigns', tokenA, 'PUT', `/tasks/${anyTask.id}/assignments`, {
    rowVersion: 1,
    lead: [deptA.id],
    support: [],
  });
  forbidden(
    'department approves a completion',
    tokenA,
    'POST',
    `/tasks/${anyTask.id}/completion/approve`,
    { rating: 'excellent' },
  );
  forbidden('department runs the assessment', tokenA, 'POST', '/assessments/2026/run');
  forbidden('leader reports progress', leader, 'POST', `/tasks/${anyTask.id}/progress`, {
    text: 'x',
    percent: 1,
  });
  forbidden('leader imports a plan', leader, 'POST', '/plan-imports', { text: '一、任务' });
  forbidden('leader creates a user', leader, 'POST', '/users', {
    username: 'sneaky2',
    displayName: 'x',
    password: 'sneaky-pass-1',
    role: 'admin',
  });
  forbidden('office creates a user', office, 'POST', '/users', {
    username: 'sneaky3',
    displayName: 'x',
    password: 'sneaky-pass-1',
    role: 'admin',
  });
  forbidden(
    'office acknowledges for a department',
    office,
    'POST',
    `/tasks/${anyTask.id}/acknowledge`,
  );
  forbidden('admin reports progress', admin, 'POST', `/tasks/${anyTask.id}/progress`, {
    text: 'x',
    percent: 1,
  });
  forbidden('leader builds a report', leader, 'POST', '/assessments/2026/reports', {
    format: 'xlsx',
  });
  forbidden('leader runs a what-if', leader, 'POST', '/assessments/2026/what-if', {});

  probes.push(...securityProbes({ office, admin, tokenA, own: own?.id, secret: system.jwtSecret }));

  // Another department's task.
  const notMine = (what: string, method: string, path: string, body?: unknown) =>
    probes.push({
      category: 'cross-department',
      what,
      method,
      path,
      options: { token: tokenA, body },
      accept: (a) => a.status === 403 || a.status === 404,
    });
  notMine('reads its task', 'GET', `/tasks/${foreign.id}`);
  notMine('reads its history', 'GET', `/tasks/${foreign.id}/history`);
  notMine('reports progress on it', 'POST', `/tasks/${foreign.id}/progress`, {
    text: 'x',
    percent: 5,
  });
  notMine('acknowledges it', 'POST', `/tasks/${foreign.id}/acknowledge`);
  notMine('declares it complete', 'POST', `/tasks/${foreign.id}/completion`, { evidence: 'x' });
  notMine('asks for its extension', 'POST', `/tasks/${foreign.id}/extensions`, {
    requestedDeadline: '2027-06-30',
    reason: 'x',
    progress: 'x',
  });
  notMine('reads its breakdown', 'GET', `/assessments/2026/departments/${deptB.id}`);
  probes.push({
    category: 'cross-department',
    what: "lists another department's tasks",
    method: 'GET',
    path: `/tasks?departmentId=${deptB.id}&limit=200`,
    options: { token: tokenA },
    accept: (a) => {
      if (a.status >= 400 && a.status < 500) {
        return true;
      }
      const items = (a.body as { items?: Array<{ assignments: Array<{ departmentId: string }> }> })
        ?.items;
      return (
        (a.status === 200 &&
          Array.isArray(items) &&
          items.every((t) => t.assignments.some((x) => x.departmentId === deptA.id))) ||
        `${a.status}: tasks of other departments listed`
      );
    },
  });
  if (own) {
    probes.push({
      category: 'cross-department',
      what: 'completes through a path naming another id',
      method: 'POST',
      path: `/tasks/${own.id}%2F..%2F${foreign.id}/completion`,
      options: { token: tokenA, body: { evidence: 'x' } },
      accept: (a) => [400, 403, 404].includes(a.status),
    });
  }

  // SQL injection in every filter.
  for (const [route, filters] of Object.entries(FILTERS)) {
    for (const filter of filters) {
      for (const injection of INJECTIONS) {
        const freeText = FREE_TEXT.has(`${route} ${filter}`);
        probes.push({
          category: 'SQL injection',
          what: `${route} ${filter}`,
          method: 'GET',
          path: `${route}?${filter}=${encodeURIComponent(injection)}`,
          options: { token: office },
          accept: (a) => {
            if (is4xx(a)) {
              return true;
            }
            const body = a.body as unknown[] | { items?: unknown[] };
            const rows = Array.isArray(body) ? body : body?.items;
            return (
              (freeText && a.status === 200 && Array.isArray(rows) && rows.length === 0) ||
              `${a.status}${Array.isArray(rows) ? ` with ${rows.length} rows` : ''}`
            );
          },
        });
      }
    }
  }

  // Eight at a time; each answer recorded with its time.
  const results: Array<{ probe: Probe; answer: Answer; verdict: true | string }> = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < probes.length) {
        const probe = probes[next++];
        const answer = await http.request(probe.method, probe.path, {
          ...probe.options,
          timeoutMs: LIMIT_MS,
        });
        const verdict = (probe.accept ?? is4xx)(answer);
        results.push({
          probe,
          answer,
          verdict:
            verdict === true
              ? true
              : typeof verdict === 'string'
                ? verdict
                : `${answer.status || answer.error}`,
        });
      }
    }),
  );
  const after = await snapshot(db);
  const changed = Object.keys(before).filter((key) => before[key] !== after[key]);

  const categories = [...new Set(probes.map((p) => p.category))];
  const checks = categories.map((category) => {
    const mine = results.filter((r) => r.probe.category === category);
    const failed = mine.filter((r) => r.verdict !== true);
    const statuses = new Map<string, number>();
    for (const r of mine) {
      const key = String(r.answer.status || r.answer.error);
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    }
    const slowest = Math.max(...mine.map((r) => r.answer.ms));
    const kinds = new Map<string, number[]>();
    for (const r of mine) {
      kinds.set(r.probe.what, [...(kinds.get(r.probe.what) ?? []), r.answer.ms]);
    }
    const slowKinds = [...kinds]
      .map(([what, ms]) => ({
        what,
        mean: ms.reduce((a, b) => a + b, 0) / ms.length,
        n: ms.length,
      }))
      .sort((a, b) => b.mean - a.mean)
      .slice(0, 3)
      .map((k) => `${k.what} ${k.n} × ${(k.mean / 1000).toFixed(2)} s`)
      .join('; ');
    const groups = new Map<string, number>();
    for (const r of failed) {
      const key = `${r.probe.what}: ${r.verdict}`;
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    return {
      name: `bad input, ${category}: ${category === 'forged or expired token' ? '401' : category === 'role escalation' ? '403' : category === 'cross-department' ? '403/404 (a list shows only its own)' : category === 'SQL injection' ? '4xx, or nothing matched for free text' : 'only 4xx'}, no hang`,
      ok: failed.length === 0,
      detail: [
        `${mine.length} requests: ${[...statuses]
          .sort()
          .map(([s, n]) => `${n} × ${s}`)
          .join(', ')}; slowest ${(slowest / 1000).toFixed(1)} s`,
        `slowest kinds (mean): ${slowKinds}`,
        ...[...groups].slice(0, 8).map(([key, n]) => `  ${n} × ${key}`),
      ],
    };
  });
  checks.push({
    name: 'bad input wrote nothing',
    ok: changed.length === 0,
    detail: [
      changed.length === 0
        ? `${Object.keys(before).length} request-written tables and versions unchanged over ${results.length} requests`
        : `changed: ${changed.map((key) => `${key} ${before[key]} → ${after[key]}`).join(', ')}`,
    ],
  });
  return checks;
}

/**
 * What an attack on a running Duban once got through: a many-keys sign-in, a many-keys progress
 * report, a .docx zip bomb, a 4 MB plan text, malformed board dates, control characters in names
 * and addresses, unbounded scheme points, a progress period outside the task's life.
 */
function securityProbes(who: {
  office: string;
  admin: string;
  tokenA: string;
  own: string | undefined;
  secret: string;
}): Probe[] {
  const probes: Probe[] = [];
  const add = (
    what: string,
    method: string,
    path: string,
    options: RequestOptions,
    accept?: Probe['accept'],
  ) => probes.push({ category: 'hardening', what, method, path, options, accept });
  const manyKeys = (n: number) =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
  add(
    'sign-in of 420,000 keys',
    'POST',
    '/auth/login',
    { body: { username: 'x', password: 'y', ...manyKeys(420_000) } },
    overBodyLimit,
  );
  add('zip bomb .docx', 'POST', '/plan-imports/upload', {
    token: who.office,
    raw: form('file', 'bomb.docx', writeDocx(documentXml(['方案'], '<w:p/>', 5_000_000))),
  });
  // About 3 MB: under the route's body limit, over imports.maxTextChars (413 from the cap).
  add('3 MB plan text of 1.3M characters', 'POST', '/plan-imports', {
    token: who.office,
    body: {
      text: Array.from({ length: 60_000 }, (_, i) => `${i + 1}. 推进工作（市发展改革委牵头）`).join(
        '\n',
      ),
    },
  });
  for (const asOf of ['2026', '2026-W05', '2026-12-05T10:00:00Z', '9999-12-31', '2026-02-30']) {
    add(`board as of ${asOf}`, 'GET', `/board?asOf=${encodeURIComponent(asOf)}`, {
      token: who.office,
    });
  }
  add('department name with CR/LF', 'POST', '/departments', {
    token: who.admin,
    body: { name: '市发展改革委\r\nBcc: x@example.com', kind: 'government' },
  });
  add('mail address with a quoted CR/LF', 'POST', '/departments', {
    token: who.admin,
    body: { name: '市测试局', kind: 'government', emails: ['"a\r\nb"@example.com'] },
  });
  add('what-if with unbounded points', 'POST', '/assessments/2026/what-if', {
    token: who.office,
    body: hugePointsScheme(),
  });
  if (who.own) {
    add(
      'progress of 300,000 indicators',
      'POST',
      `/tasks/${who.own}/progress`,
      { token: who.tokenA, body: { text: 'x', percent: 1, indicatorValues: manyKeys(300_000) } },
      overBodyLimit,
    );
    add('progress for 1999-01', 'POST', `/tasks/${who.own}/progress`, {
      token: who.tokenA,
      body: { text: 'x', percent: 1, period: '1999-01' },
    });
  }
  return probes;
}

/** The shipped 2026 scheme with a lead's on-time points of 1e300: refused, never a 500. */
function hugePointsScheme(): unknown {
  const scheme = parseYaml(readFileSync('config/assessment/2026.yaml', 'utf8')) as {
    points: { onTime: { lead: number } };
  };
  scheme.points.onTime.lead = 1e300;
  return scheme;
}
