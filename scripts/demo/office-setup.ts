import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { DataSource } from 'typeorm';
import { User } from '@duban/db';
import { recordChanges } from '@duban/outbox';
import { hashPassword } from '../../apps/api/src/auth/password';
import type { DemoApi } from './api-client';
import { reviewDeadline, type ScriptTask } from './year-plan';

export const DEMO_PASSWORD = 'duban-demo-password';

interface DraftTask {
  number: string;
  include: boolean;
  lead: string[];
  support: string[];
}
interface ImportSummary {
  id: string;
  rowVersion: number;
  taskCount: number;
  unresolved: string[];
  planId: string | null;
  draft: {
    title: string | null;
    tasks: DraftTask[];
    departments: Record<string, { suggestions: Array<{ id: string }> }>;
  };
}
interface Department {
  id: string;
  name: string;
  kind: string;
}
interface TaskRow {
  id: string;
  deadline: string | null;
  assignments: Array<{ departmentId: string; role: 'lead' | 'support' }>;
}

export interface ImportedPlan {
  planId: string;
  title: string;
  tasks: number;
}

/**
 * Loads config/departments into the directory through the API, then gives each department a user
 * and signs them in. The users are written straight to the database with one shared password
 * hash, as `npm run user:create` does, so the demo does not spend half a minute on bcrypt.
 */
export async function loadDirectoryAndUsers(
  api: DemoApi,
  office: string,
  db: DataSource,
): Promise<{ departments: Department[]; tokens: Map<string, string> }> {
  await api.call('POST', '/departments/directory/load', office);
  const departments = await listDepartments(api, office);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const usernames = departments.map((_, i) => `dept${String(i + 1).padStart(3, '0')}`);
  await db.transaction(async (manager) => {
    const users = await manager.save(
      departments.map((department, i) =>
        manager.create(User, {
          username: usernames[i],
          displayName: `联络员(${department.name})`,
          passwordHash,
          role: 'department',
          departmentId: department.id,
        }),
      ),
    );
    await recordChanges(
      manager,
      users.map((user) => ({
        actor: { userId: null, label: 'demo' },
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        after: { username: user.username, role: user.role, departmentId: user.departmentId },
      })),
    );
  });
  const tokens = new Map<string, string>();
  for (let i = 0; i < departments.length; i += 8) {
    await Promise.all(
      departments
        .slice(i, i + 8)
        .map(async (department, j) =>
          tokens.set(department.id, await api.login(usernames[i + j], DEMO_PASSWORD)),
        ),
    );
  }
  return { departments, tokens };
}

/**
 * The first office user (an admin), created directly as `npm run user:create` does, and a
 * leader (read-only) for looking around the console with `npm run demo -- --serve`.
 */
export async function createOffice(db: DataSource): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (manager) => {
    const users = await manager.save([
      manager.create(User, {
        username: 'office',
        displayName: '督查室',
        passwordHash,
        role: 'admin',
        departmentId: null,
      }),
      manager.create(User, {
        username: 'leader',
        displayName: '市政府领导',
        passwordHash,
        role: 'leader',
        departmentId: null,
      }),
    ]);
    await recordChanges(
      manager,
      users.map((user) => ({
        actor: { userId: null, label: 'demo' },
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        after: { username: user.username, role: user.role },
      })),
    );
  });
}

async function listDepartments(api: DemoApi, token: string): Promise<Department[]> {
  const body = await api.call<Department[] | { items: Department[] }>('GET', '/departments', token);
  return Array.isArray(body) ? body : body.items;
}

/**
 * Imports one plan the way the office does: the parser's draft, then a review that maps the names
 * the directory does not know to its best suggestion, gives every task this year's deadline and
 * assigns the tasks the document leaves unassigned, then the commit.
 */
export async function importPlan(
  api: DemoApi,
  office: string,
  file: string,
  context: { year: number; firstIndex: number; fallbackLeads: readonly Department[] },
): Promise<ImportedPlan> {
  const draft = await api.call<ImportSummary>('POST', '/plan-imports', office, {
    text: readFileSync(file, 'utf8'),
    fileName: basename(file),
  });
  const resolve = draft.unresolved
    .filter((written) => draft.draft.departments[written]?.suggestions.length)
    .map((written) => ({
      written,
      departmentId: draft.draft.departments[written].suggestions[0].id,
    }));
  const unmapped = new Set(draft.unresolved.filter((w) => !resolve.some((r) => r.written === w)));
  const included = draft.draft.tasks.filter((task) => task.include);
  const tasks = included.map((task, index) => {
    const n = context.firstIndex + index;
    const lead = task.lead.filter((name) => !unmapped.has(name));
    const support = task.support.filter((name) => !unmapped.has(name));
    const leads = context.fallbackLeads;
    return {
      number: task.number,
      deadline: reviewDeadline(context.year, n),
      lead: lead.length ? lead : [leads[n % leads.length].name],
      support: lead.length ? support : [leads[(n + 7) % leads.length].name],
    };
  });
  const reviewed = await api.call<ImportSummary>('PATCH', `/plan-imports/${draft.id}`, office, {
    rowVersion: draft.rowVersion,
    resolve,
    tasks,
  });
  const committed = await api.call<ImportSummary>(
    'POST',
    `/plan-imports/${draft.id}/commit`,
    office,
    { rowVersion: reviewed.rowVersion },
  );
  return {
    planId: committed.planId ?? '',
    title: committed.draft.title ?? basename(file),
    tasks: included.length,
  };
}

/** Every committed task with a deadline and its departments, as the year script needs them. */
export async function committedTasks(api: DemoApi, office: string): Promise<ScriptTask[]> {
  const tasks: ScriptTask[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: { items: TaskRow[]; nextCursor: string | null } = await api.call(
      'GET',
      `/tasks?limit=200${query}`,
      office,
    );
    for (const row of page.items) {
      if (!row.deadline) continue;
      tasks.push({
        id: row.id,
        deadline: row.deadline,
        lead: row.assignments.filter((a) => a.role === 'lead').map((a) => a.departmentId),
        support: row.assignments.filter((a) => a.role === 'support').map((a) => a.departmentId),
      });
    }
    cursor = page.nextCursor;
  } while (cursor);
  return tasks;
}
