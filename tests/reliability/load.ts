/**
 * The load generator, a process of its own: `concurrency` API clients (departments reading their
 * ledger, acknowledging, reporting progress and declaring completion; the office approving or
 * returning completions, reading the board, reminders and mail, importing plans; leaders
 * reading) for `durationMs`. Every request and every write the API confirmed is one JSON line of
 * the output file, for the checks.
 *
 * Usage: node -r @swc-node/register tests/reliability/load.ts WORLD.json OUT.jsonl DURATION_MS CONCURRENCY SEED
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { type Answer, Http, type RequestOptions } from './http';
import { seededRandom } from '@duban/testing';
import { generatedPlan, importAndCommit, type World } from './world';

/** One request as the client saw it. */
export interface RequestRecord {
  type: 'req';
  client: number;
  /** Real epoch ms when it was sent and when the answer (or the failure) came. */
  t0: number;
  t1: number;
  method: string;
  route: string;
  status: number;
  error: string | null;
  retryAfter: string | null;
}

/** A change the API confirmed with a 2xx: it must be in the database at the end. */
export type WriteRecord = { type: 'write'; t: number } & (
  | { kind: 'progress'; taskId: string; departmentId: string; reportId: string }
  | { kind: 'acknowledge'; taskId: string; departmentId: string }
  | { kind: 'declare'; taskId: string; completionId: string }
  | { kind: 'approve'; taskId: string }
  | { kind: 'return'; taskId: string }
  | { kind: 'commit'; planId: string; taskCount: number; importId: string }
);

export type LoadRecord = RequestRecord | WriteRecord;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

interface TaskRow {
  id: string;
  status: string;
  assignments: Array<{ departmentId: string; role: 'lead' | 'support'; acknowledged: boolean }>;
}

/** Only some tasks get finished during a run, so reminders and notices keep coming for the rest. */
export function finishes(taskId: string): boolean {
  return parseInt(taskId.slice(0, 2), 16) % 3 === 0;
}

class RecordingHttp extends Http {
  constructor(
    baseUrl: string,
    private readonly client: number,
    private readonly out: (record: LoadRecord) => void,
  ) {
    super(baseUrl);
  }

  override async request<T = unknown>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<Answer<T>> {
    const t0 = Date.now();
    const answer = await super.request<T>(method, path, options);
    this.out({
      type: 'req',
      client: this.client,
      t0,
      t1: Date.now(),
      method,
      route: path.split('?')[0].replace(UUID, ':id'),
      status: answer.status,
      error: answer.error,
      retryAfter: answer.retryAfter,
    });
    return answer;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const [worldFile, outFile, durationArg, concurrencyArg, seedArg] = process.argv.slice(2);
  const world = JSON.parse(readFileSync(worldFile, 'utf8')) as World;
  const until = Date.now() + Number(durationArg);
  const concurrency = Number(concurrencyArg);
  const random = seededRandom(Number(seedArg));
  const out = createWriteStream(outFile);
  const write = (record: LoadRecord) => out.write(`${JSON.stringify(record)}\n`);
  let stopping = false;
  process.on('SIGTERM', () => {
    stopping = true;
  });
  const running = () => !stopping && Date.now() < until;

  // Clients start signed in (the suite signed every user in before the load); a client whose
  // token is refused signs in again, once per user however many of its clients ask.
  const tokens = new Map<string, Promise<string | null>>(
    Object.entries(world.tokens).map(([name, token]) => [name, Promise.resolve(token)]),
  );
  const tokenOf = async (http: Http, username: string): Promise<string | null> => {
    let token = tokens.get(username);
    if (!token) {
      token = http
        .request<{ accessToken: string }>('POST', '/auth/login', {
          body: { username, password: world.password },
        })
        .then((answer) => (answer.status === 200 ? answer.body.accessToken : null));
      tokens.set(username, token);
    }
    const value = await token;
    if (value === null && tokens.get(username) === token) {
      tokens.delete(username);
    }
    return value;
  };
  const refused = (username: string, answer: Answer) => {
    if (answer.status === 401) {
      tokens.delete(username);
    }
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  /**
   * A client is a person or a front end, not a flood: 1–3 s between requests (the bench
   * measures the API flat out). After no answer at all (the API restarting) it tries again soon.
   */
  const pause = async (answer: Answer) => {
    await sleep(answer.status === 0 ? 250 : 1000 + Math.floor(random() * 2000));
  };

  async function department(client: number, user: World['departments'][number]): Promise<void> {
    const http = new RecordingHttp(world.apiUrl, client, write);
    let tasks: TaskRow[] = [];
    let iteration = 0;
    while (running()) {
      const token = await tokenOf(http, user.username);
      if (!token) {
        await sleep(250);
        continue;
      }
      if (iteration++ % 10 === 0 || tasks.length === 0) {
        const answer = await http.request<{ items: TaskRow[] }>('GET', '/tasks?limit=100', {
          token,
        });
        if (answer.status === 200) {
          tasks = answer.body.items;
        }
        await pause(answer);
        if (tasks.length === 0) {
          await sleep(500);
        }
        continue;
      }
      const open = tasks.filter((t) => t.status === 'open');
      const mine = (t: TaskRow) => t.assignments.find((a) => a.departmentId === user.id);
      const roll = random();
      let answer: Answer;
      if (roll < 0.25) {
        const filter = pick([
          '',
          '&status=open',
          '&overdue=true',
          '&role=lead',
          '&q=%E5%B7%A5%E4%BD%9C',
          '&deadlineFrom=2026-12-01&deadlineTo=2026-12-31',
        ]);
        answer = await http.request('GET', `/tasks?limit=20${filter}`, { token });
      } else if (roll < 0.5 && tasks.length) {
        answer = await http.request('GET', `/tasks/${pick(tasks).id}`, { token });
      } else if (roll < 0.6) {
        answer = await http.request('GET', '/board', { token });
      } else if (roll < 0.7) {
        const unacknowledged = tasks.filter((t) => mine(t) && !mine(t)?.acknowledged);
        if (!unacknowledged.length) {
          continue;
        }
        const task = pick(unacknowledged);
        answer = await http.request('POST', `/tasks/${task.id}/acknowledge`, { token });
        if (answer.status === 200) {
          write({
            type: 'write',
            t: Date.now(),
            kind: 'acknowledge',
            taskId: task.id,
            departmentId: user.id,
          });
          mine(task)!.acknowledged = true;
        }
      } else if (roll < 0.95) {
        if (!open.length) {
          continue;
        }
        const task = pick(open);
        answer = await http.request<{ id: string }>('POST', `/tasks/${task.id}/progress`, {
          token,
          body: {
            text: `第${iteration}次进展报告:工作有序推进。`,
            percent: Math.floor(random() * 100),
          },
        });
        if (answer.status === 201) {
          write({
            type: 'write',
            t: Date.now(),
            kind: 'progress',
            taskId: task.id,
            departmentId: user.id,
            reportId: (answer.body as { id: string }).id,
          });
        }
      } else {
        const leading = open.filter((t) => mine(t)?.role === 'lead' && finishes(t.id));
        if (!leading.length) {
          continue;
        }
        const task = pick(leading);
        answer = await http.request<{ completionId: string }>(
          'POST',
          `/tasks/${task.id}/completion`,
          { token, body: { evidence: '已完成,验收材料齐全。' } },
        );
        if (answer.status === 201) {
          write({
            type: 'write',
            t: Date.now(),
            kind: 'declare',
            taskId: task.id,
            completionId: (answer.body as { completionId: string }).completionId,
          });
          task.status = 'completion_pending';
        }
      }
      refused(user.username, answer);
      await pause(answer);
    }
  }

  async function office(client: number, username: string, importer: boolean): Promise<void> {
    const http = new RecordingHttp(world.apiUrl, client, write);
    let nextImport = Date.now() + 5_000;
    let serial = 0;
    while (running()) {
      const token = await tokenOf(http, username);
      if (!token) {
        await sleep(250);
        continue;
      }
      if (importer && Date.now() >= nextImport) {
        nextImport = Date.now() + 8_000;
        serial += 1;
        const text = generatedPlan(`${seedArg}-${client}-${serial}`, world.departments, 6, random);
        try {
          const committed = await importAndCommit(
            http,
            token,
            { fileName: `批次${serial}.txt`, text },
            world.departments,
            world.deadlines,
            random,
          );
          write({ type: 'write', t: Date.now(), kind: 'commit', ...committed });
        } catch {
          // Each request is recorded; an import cut short by a fault is simply not committed.
        }
        continue;
      }
      const roll = random();
      let answer: Answer;
      if (roll < 0.4) {
        const pending = await http.request<{ items: TaskRow[] }>(
          'GET',
          '/tasks?status=completion_pending&limit=50',
          { token },
        );
        if (pending.status !== 200 || pending.body.items.length === 0) {
          await pause(pending);
          continue;
        }
        const task = pick(pending.body.items);
        const approve = random() < 0.75;
        answer = await http.request(
          'POST',
          `/tasks/${task.id}/completion/${approve ? 'approve' : 'return'}`,
          {
            token,
            body: approve
              ? { rating: pick(['excellent', 'good', 'fair', 'poor']) }
              : { reason: '佐证材料不全,请补充。' },
          },
        );
        if (answer.status === 200) {
          write({
            type: 'write',
            t: Date.now(),
            kind: approve ? 'approve' : 'return',
            taskId: task.id,
          });
        }
      } else {
        const path = pick([
          '/board',
          '/board/tasks',
          '/tasks?overdue=true&limit=50',
          '/tasks?limit=50',
          '/reminders?state=sent',
          '/mail-deliveries?state=failed',
          '/plans',
          '/departments',
        ]);
        answer = await http.request('GET', path, { token });
      }
      refused(username, answer);
      await pause(answer);
    }
  }

  async function leader(client: number): Promise<void> {
    const http = new RecordingHttp(world.apiUrl, client, write);
    while (running()) {
      const token = await tokenOf(http, world.leader);
      if (!token) {
        await sleep(250);
        continue;
      }
      const answer = await http.request(
        'GET',
        pick(['/board', '/tasks?limit=50', '/plans', '/tasks?overdue=true']),
        { token },
      );
      refused(world.leader, answer);
      await pause(answer);
    }
  }

  const clients: Array<Promise<void>> = [];
  // Clients arrive over the first few seconds, as people do, not in one instant.
  const arrive = async (i: number, client: () => Promise<void>) => {
    await sleep((i * 5_000) / concurrency);
    await client();
  };
  const officeClients = Math.max(2, Math.round(concurrency * 0.075));
  const leaderClients = Math.max(1, Math.round(concurrency * 0.025));
  for (let i = 0; i < concurrency; i++) {
    if (i < officeClients) {
      clients.push(arrive(i, () => office(i, world.office[i % world.office.length], i === 0)));
    } else if (i < officeClients + leaderClients) {
      clients.push(arrive(i, () => leader(i)));
    } else {
      clients.push(arrive(i, () => department(i, world.departments[i % world.departments.length])));
    }
  }
  await Promise.all(clients);
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
