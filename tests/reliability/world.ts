/**
 * The run's users, departments and plans, made the way the office makes them: the first admin
 * with `npm run user:create`'s command, everything else through the API (directory load, users,
 * plan imports reviewed and committed). The load process reads the same description.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Http } from './http';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
export const PASSWORD = 'reliability-pass-0123';

export interface Department {
  id: string;
  name: string;
}

export interface World {
  apiUrl: string;
  password: string;
  admin: string;
  office: string[];
  leader: string;
  /** One department user each. */
  departments: Array<Department & { username: string }>;
  /** Deadlines imports spread their tasks over (YYYY-MM-DD). */
  deadlines: string[];
  /** Access tokens of every user, signed in before the load: its clients are already signed in. */
  tokens: Record<string, string>;
}

interface DraftTask {
  number: string;
  lead: string[];
  support: string[];
}
interface Draft {
  tasks: DraftTask[];
  departments: Record<
    string,
    { departmentId: string | null; suggestions: Array<{ departmentId?: string; id?: string }> }
  >;
}
export interface ImportSummary {
  id: string;
  rowVersion: number;
  taskCount: number;
  unresolved: string[];
  planId: string | null;
  draft: Draft;
}

export async function createAdmin(configDir: string, username: string): Promise<void> {
  await run(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      join(ROOT, 'apps/api/src/users/create-user.cli.ts'),
      '--username',
      username,
      '--role',
      'admin',
    ],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DUBAN_CONFIG_DIR: configDir,
        DUBAN_USER_PASSWORD: PASSWORD,
      },
    },
  );
}

export async function login(http: Http, username: string): Promise<string> {
  const body = await http.expect<{ accessToken: string }>(200, 'POST', '/auth/login', {
    body: { username, password: PASSWORD },
  });
  return body.accessToken;
}

/** Directory, users of every role; returns what the load process needs to sign in. */
export async function createWorld(
  http: Http,
  configDir: string,
  deadlines: string[],
): Promise<World> {
  await createAdmin(configDir, 'rel_admin');
  const admin = await login(http, 'rel_admin');
  await http.expect(200, 'POST', '/departments/directory/load', { token: admin });
  const departments = await http.expect<Department[]>(200, 'GET', '/departments', { token: admin });
  const user = (username: string, role: string, departmentId?: string) =>
    http.expect(201, 'POST', '/users', {
      token: admin,
      body: { username, displayName: username, password: PASSWORD, role, departmentId },
    });
  const office = ['rel_office1', 'rel_office2', 'rel_office3'];
  for (const name of office) {
    await user(name, 'supervisor');
  }
  await user('rel_leader', 'leader');
  const withUsers = departments.map((d, i) => ({
    id: d.id,
    name: d.name,
    username: `rel_dept${String(i + 1).padStart(3, '0')}`,
  }));
  // A few at a time: each is a password hash on the API's side.
  for (let i = 0; i < withUsers.length; i += 8) {
    await Promise.all(withUsers.slice(i, i + 8).map((d) => user(d.username, 'department', d.id)));
  }
  const tokens: Record<string, string> = {};
  const usernames = [...office, 'rel_leader', ...withUsers.map((d) => d.username)];
  for (let i = 0; i < usernames.length; i += 8) {
    await Promise.all(
      usernames.slice(i, i + 8).map(async (name) => {
        tokens[name] = await login(http, name);
      }),
    );
  }
  return {
    apiUrl: http.baseUrl,
    password: PASSWORD,
    admin: 'rel_admin',
    office,
    leader: 'rel_leader',
    departments: withUsers,
    deadlines,
    tokens,
  };
}

/** The seed plans of tests/fixtures/plans. */
export function seedPlans(): Array<{ fileName: string; text: string }> {
  const dir = join(ROOT, 'tests/fixtures/plans');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((fileName) => ({ fileName, text: readFileSync(join(dir, fileName), 'utf8') }));
}

/** A small plan of the run's own in the usual style: numbered tasks, each with its lead note. */
export function generatedPlan(
  serial: string,
  departments: readonly Department[],
  tasks: number,
  random: () => number,
): string {
  const lines = [`关于推进重点工作的实施方案(第${serial}批)`, '', '一、重点任务'];
  const numerals = '一二三四五六七八九十';
  for (let i = 0; i < tasks; i++) {
    const n = i < 10 ? numerals[i] : `十${numerals[i - 10] ?? ''}`;
    // Two different departments: the lead, and another one supporting.
    const at = Math.floor(random() * departments.length);
    const lead = departments[at].name;
    const support =
      departments[(at + 1 + Math.floor(random() * (departments.length - 1))) % departments.length]
        .name;
    lines.push(
      `(${n})推进第${serial}批第${i + 1}项重点工作。完善工作机制,到2026年底前完成阶段目标。(${lead}牵头,${support}配合)`,
    );
  }
  return lines.join('\n');
}

/**
 * The office's review: every unresolved name confirmed as its first suggestion (or some
 * department), every task given a lead and a deadline of `deadlines`, then the commit.
 * Each request goes through `http`, which may record it.
 */
export async function importAndCommit(
  http: Http,
  token: string,
  plan: { fileName: string; text: string },
  departments: readonly Department[],
  deadlines: readonly string[],
  random: () => number,
  newVersion = false,
): Promise<{ planId: string; taskCount: number; importId: string }> {
  const created = await http.expect<ImportSummary>(201, 'POST', '/plan-imports', {
    token,
    body: { text: plan.text, fileName: plan.fileName, newVersion },
  });
  const anyDepartment = () => departments[Math.floor(random() * departments.length)];
  const resolve = created.unresolved.map((written) => {
    const suggestion = created.draft.departments[written]?.suggestions?.[0];
    return {
      written,
      departmentId: suggestion?.departmentId ?? suggestion?.id ?? anyDepartment().id,
    };
  });
  const tasks = created.draft.tasks.map((task, i) => ({
    number: task.number,
    include: true,
    deadline: deadlines[i % deadlines.length],
    ...(task.lead.length === 0 ? { lead: [anyDepartment().name] } : {}),
  }));
  const edited = await http.expect<ImportSummary>(200, 'PATCH', `/plan-imports/${created.id}`, {
    token,
    body: { rowVersion: created.rowVersion, tasks, resolve },
  });
  if (edited.unresolved.length > 0) {
    const again = await http.expect<ImportSummary>(200, 'PATCH', `/plan-imports/${created.id}`, {
      token,
      body: {
        rowVersion: edited.rowVersion,
        resolve: edited.unresolved.map((written) => ({
          written,
          departmentId: anyDepartment().id,
        })),
      },
    });
    edited.rowVersion = again.rowVersion;
  }
  const committed = await http.expect<ImportSummary>(
    200,
    'POST',
    `/plan-imports/${created.id}/commit`,
    { token, body: { rowVersion: edited.rowVersion } },
  );
  return {
    planId: committed.planId as string,
    taskCount: committed.taskCount,
    importId: created.id,
  };
}
