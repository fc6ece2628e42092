import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import {
  ConflictException,
  Injectable,
  NotFoundException,
  PayloadTooLargeException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource, type EntityManager } from 'typeorm';
import type { DubanConfig } from '@duban/config';
import type { NewEvent } from '@duban/contracts';
import { Department, Plan, PlanImport, Task, TaskAssignment } from '@duban/db';
import { type Change, recordChanges } from '@duban/outbox';
import { type DirectoryEntry, type PlanDraft, resolveDepartments } from '@duban/plan-parser';
import type { AuthUser } from '../auth/auth-user';
import { actorOf } from '../common/actor';
import { Clock } from '../common/clock';
import { DepartmentsService } from '../departments/departments.service';
import { buildImportDraft, type ImportDraft, unresolvedNames } from './import-draft';
import type {
  AddTaskDto,
  EditImportDto,
  ImportListItemDto,
  ImportSourceDto,
  ImportSummaryDto,
} from './plan-import.dto';
import { DocumentWorkers } from './document-workers';
import { sourceHash, uploadKind } from './source-document';

/** Tasks written per INSERT at commit: a 20,000-task plan is twenty short statements. */
const COMMIT_BATCH_TASKS = 1000;

const summary = (row: PlanImport): ImportSummaryDto => {
  const draft = row.draft as unknown as ImportDraft;
  return {
    id: row.id,
    state: row.state,
    rowVersion: row.rowVersion,
    taskCount: draft.tasks.filter((t) => t.include).length,
    unresolved: unresolvedNames(draft),
    planId: row.planId,
    draft: row.draft,
  };
};

/**
 * Import of an action plan: text → parsed draft (stored) → the office's review edits → commit,
 * which creates the plan, its tasks and assignments and a TaskAssigned event per assignment.
 */
@Injectable()
export class PlanImportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly departments: DepartmentsService,
    private readonly clock: Clock,
    private readonly workers: DocumentWorkers,
    private readonly config: ConfigService<DubanConfig, true>,
  ) {}

  /** An uploaded file: a .docx is unpacked within the limits and its text read off the event loop. */
  async upload(
    actor: AuthUser,
    input: { fileName: string | null; bytes: Buffer; newVersion: boolean },
  ): Promise<ImportSummaryDto> {
    const content =
      uploadKind(input.fileName) === 'docx'
        ? await this.workers.docxText(
            input.fileName as string,
            input.bytes,
            this.config.get('imports', { infer: true }).docx,
          )
        : input.bytes;
    return this.create(actor, { fileName: input.fileName, content, newVersion: input.newVersion });
  }

  async create(
    actor: AuthUser,
    input: { fileName: string | null; content: Buffer | string; newVersion: boolean },
  ): Promise<ImportSummaryDto> {
    const limits = this.config.get('imports', { infer: true });
    const text =
      typeof input.content === 'string'
        ? input.content
        : new TextDecoder('utf-8').decode(input.content);
    // Refused before parsing: the parser's time and the draft's size grow with the text.
    if (text.length > limits.maxTextChars) {
      throw new PayloadTooLargeException({
        statusCode: 413,
        error: 'TEXT_TOO_LARGE',
        message: `The plan has ${text.length} characters, more than the ${limits.maxTextChars} a plan may have; check that the right file was chosen or split the plan`,
      });
    }
    const parsed: PlanDraft = await this.workers.parse(input.content, limits);
    const hash = sourceHash(text);
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOne(Plan, {
        where: { sourceHash: hash },
        order: { version: 'DESC' },
      });
      if (existing && !input.newVersion) {
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          message: `This document was already imported as plan "${existing.title}" (version ${existing.version}); send newVersion=true to import it as a new version`,
          planId: existing.id,
        });
      }
      const draft = buildImportDraft(parsed, await this.directory(manager));
      const row = await manager.save(
        manager.create(PlanImport, {
          fileName: input.fileName,
          sourceText: text,
          sourceHash: hash,
          draft: draft as unknown as Record<string, unknown>,
          newVersion: input.newVersion,
          createdBy: actor.id,
        }),
      );
      await recordChanges(manager, [
        {
          actor: actorOf(actor),
          action: 'plan-import.create',
          entityType: 'plan_import',
          entityId: row.id,
          after: { fileName: input.fileName, tasks: draft.tasks.length },
        },
      ]);
      return summary(row);
    });
  }

  async get(id: string): Promise<ImportSummaryDto> {
    return summary(await this.find(this.dataSource.manager, id));
  }

  /**
   * The latest imports, newest first. The drafts stay in the database: a large plan's draft is
   * megabytes, so the title and the count of kept tasks are read out of the jsonb there.
   */
  async list(filter: { state?: string; limit: number }): Promise<ImportListItemDto[]> {
    const query = this.dataSource
      .createQueryBuilder(PlanImport, 'i')
      .select('i.id', 'id')
      .addSelect('i.fileName', 'fileName')
      .addSelect("i.draft->>'title'", 'title')
      .addSelect('i.state', 'state')
      .addSelect('i.planId', 'planId')
      .addSelect('i.createdAt', 'createdAt')
      .addSelect(
        "(SELECT count(*) FROM jsonb_array_elements(i.draft->'tasks') t WHERE (t->>'include')::boolean)::int",
        'taskCount',
      )
      .orderBy('i.createdAt', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .limit(filter.limit);
    if (filter.state) {
      query.where('i.state = :state', { state: filter.state });
    }
    const rows = await query.getRawMany<
      Omit<ImportListItemDto, 'createdAt'> & { createdAt: Date }
    >();
    return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
  }

  /** The text the tasks' spans point into (without a byte-order mark, as the parser read it). */
  async source(id: string): Promise<ImportSourceDto> {
    const row = await this.dataSource.manager.findOne(PlanImport, {
      where: { id },
      select: { id: true, fileName: true, sourceText: true },
    });
    if (!row) {
      throw new NotFoundException(`Import ${id} does not exist`);
    }
    const text = row.sourceText.startsWith('\uFEFF') ? row.sourceText.slice(1) : row.sourceText;
    return { fileName: row.fileName, text };
  }

  async edit(actor: AuthUser, id: string, edit: EditImportDto): Promise<ImportSummaryDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.findDraft(manager, id, edit.rowVersion);
      const draft = row.draft as unknown as ImportDraft;
      if (edit.title !== undefined) {
        draft.title = edit.title;
      }
      const byNumber = new Map(draft.tasks.map((t) => [t.number, t]));
      const directory = await this.directory(manager);
      // Names typed by the office are resolved like names read from the plan.
      const resolveTyped = (task: ImportDraft['tasks'][number]) => {
        const fresh = [...task.lead, ...task.support].filter((n) => !draft.departments[n]);
        for (const resolution of resolveDepartments(fresh, directory)) {
          draft.departments[resolution.written] = { ...resolution, remember: false };
        }
      };
      for (const change of edit.tasks ?? []) {
        const task = byNumber.get(change.number);
        if (!task) {
          throw new UnprocessableEntityException(`The draft has no task numbered ${change.number}`);
        }
        task.include = change.include ?? task.include;
        task.title = change.title ?? task.title;
        if (change.deadline !== undefined) {
          task.deadline =
            change.deadline === null
              ? null
              : {
                  phrase: task.deadline?.phrase ?? null,
                  date: change.deadline,
                  recurrence: task.deadline?.recurrence ?? 'none',
                };
        }
        task.lead = change.lead ? [...new Set(change.lead)] : task.lead;
        task.support = change.support
          ? [...new Set(change.support)].filter((n) => !task.lead.includes(n))
          : task.support;
        if (task.include && task.lead.length === 0 && task.support.length > 0) {
          throw new UnprocessableEntityException(
            `Task ${task.number} has supporting departments but no lead`,
          );
        }
        resolveTyped(task);
      }
      for (const added of edit.add ?? []) {
        const task = this.newTask(byNumber, added);
        draft.tasks.push(task);
        byNumber.set(task.number, task);
        resolveTyped(task);
      }
      for (const confirmation of edit.resolve ?? []) {
        if (!draft.departments[confirmation.written]) {
          throw new UnprocessableEntityException(
            `No task of the draft names "${confirmation.written}"`,
          );
        }
        if (!directory.some((d) => d.id === confirmation.departmentId)) {
          throw new NotFoundException(`Department ${confirmation.departmentId} does not exist`);
        }
        draft.departments[confirmation.written] = {
          written: confirmation.written,
          departmentId: confirmation.departmentId,
          method: 'confirmed',
          suggestions: [],
          remember: confirmation.remember ?? false,
        };
      }
      row.draft = { ...draft };
      const saved = await manager.save(row);
      await recordChanges(manager, [
        {
          actor: actorOf(actor),
          action: 'plan-import.edit',
          entityType: 'plan_import',
          entityId: id,
          after: { ...edit },
        },
      ]);
      return summary(saved);
    });
  }

  /** A task the office writes in review: numbered 补充.N unless it brings a number of its own. */
  private newTask(
    taken: ReadonlyMap<string, unknown>,
    added: AddTaskDto,
  ): ImportDraft['tasks'][number] {
    let number = added.number;
    if (number && taken.has(number)) {
      throw new UnprocessableEntityException(`The draft already has a task numbered ${number}`);
    }
    for (let n = 1; !number; n++) {
      number = taken.has(`补充.${n}`) ? undefined : `补充.${n}`;
    }
    const lead = [...new Set(added.lead)];
    if (lead.length === 0) {
      throw new UnprocessableEntityException('A task needs at least one lead department');
    }
    return {
      number,
      parentNumber: null,
      level: 1,
      title: added.title,
      body: added.title,
      include: true,
      deadline: added.deadline ? { phrase: null, date: added.deadline, recurrence: 'none' } : null,
      targets: [],
      lead,
      support: [...new Set(added.support ?? [])].filter((n) => !lead.includes(n)),
      warnings: [],
      span: null,
    };
  }

  async discard(actor: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.findDraft(manager, id);
      row.state = 'discarded';
      await manager.save(row);
      await recordChanges(manager, [
        {
          actor: actorOf(actor),
          action: 'plan-import.discard',
          entityType: 'plan_import',
          entityId: id,
        },
      ]);
    });
  }

  /** Creates the plan, its tasks and assignments, and one TaskAssigned event per assignment. */
  async commit(actor: AuthUser, id: string, rowVersion: number): Promise<ImportSummaryDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.findDraft(manager, id, rowVersion);
      const draft = row.draft as unknown as ImportDraft;
      const unresolved = unresolvedNames(draft);
      if (unresolved.length) {
        throw new UnprocessableEntityException({
          statusCode: 422,
          error: 'Unprocessable Entity',
          message: `Map these names to departments before committing: ${unresolved.join('、')}`,
          unresolved,
        });
      }
      const included = draft.tasks.filter((t) => t.include);
      if (included.length === 0) {
        throw new UnprocessableEntityException(
          'Every item was dropped: a plan needs at least one task',
        );
      }
      const previous = await manager.findOne(Plan, {
        where: { sourceHash: row.sourceHash },
        order: { version: 'DESC' },
      });
      if (previous && !row.newVersion) {
        throw new ConflictException(
          `This document was already imported as plan "${previous.title}" meanwhile`,
        );
      }
      const plan = await manager.save(
        manager.create(Plan, {
          title: draft.title ?? row.fileName?.replace(/\.[a-z]+$/i, '') ?? '未命名方案',
          docNumber: draft.docNumber,
          issuer: draft.issuer,
          issueDate: draft.issueDate,
          sourceText: row.sourceText,
          sourceHash: row.sourceHash,
          version: (previous?.version ?? 0) + 1,
          status: 'active',
          goals: draft.goals,
          createdBy: actor.id,
        }),
      );
      // The plan's own audit row and event come first, as before its tasks' were batched.
      await recordChanges(manager, [
        {
          actor: actorOf(actor),
          action: 'plan.commit',
          entityType: 'plan',
          entityId: plan.id,
          after: { title: plan.title, version: plan.version, tasks: included.length, importId: id },
          events: [
            {
              type: 'PlanCommitted',
              aggregateType: 'plan',
              aggregateId: plan.id,
              payload: { planId: plan.id, taskCount: included.length },
            },
          ],
        },
      ]);
      await this.createTasks(manager, actor, plan, draft, included);
      for (const [written, mapping] of Object.entries(draft.departments)) {
        if (mapping.remember && mapping.departmentId) {
          await this.departments.addAlias(manager, actor, mapping.departmentId, written);
        }
      }
      row.state = 'committed';
      row.planId = plan.id;
      const saved = await manager.save(row);
      return summary(saved);
    });
  }

  /**
   * Writes the tasks, their assignments, audit rows and TaskAssigned events a batch at a time:
   * one INSERT of each per batch, inside the commit's transaction, yielding to the event loop in
   * between, so no statement or loop of a large plan holds the API for seconds. Task ids are made
   * here, so a child finds its parent's id whether the parent is in this batch or an earlier one.
   */
  private async createTasks(
    manager: EntityManager,
    actor: AuthUser,
    plan: Plan,
    draft: ImportDraft,
    included: ImportDraft['tasks'],
  ): Promise<void> {
    const includedNumbers = new Set(included.map((t) => t.number));
    const byNumber = new Map(draft.tasks.map((t) => [t.number, t]));
    const idOf = new Map<string, string>();
    // The business clock, not the database's: the 签收 and report reminders count from it.
    const assignedAt = this.clock.now();
    for (let start = 0; start < included.length; start += COMMIT_BATCH_TASKS) {
      const batch = included.slice(start, start + COMMIT_BATCH_TASKS);
      const tasks: Partial<Task>[] = [];
      const assignments: Partial<TaskAssignment>[] = [];
      const changes: Change[] = [];
      for (const [offset, item] of batch.entries()) {
        // The parent is the nearest enclosing item that is itself kept as a task.
        let parent = item.parentNumber;
        while (parent && !includedNumbers.has(parent)) {
          parent = byNumber.get(parent)?.parentNumber ?? null;
        }
        const taskId = randomUUID();
        idOf.set(item.number, taskId);
        const deadline = item.deadline?.date ?? null;
        tasks.push({
          id: taskId,
          planId: plan.id,
          parentId: parent ? (idOf.get(parent) ?? null) : null,
          numberPath: item.number,
          level: Math.max(1, item.level),
          position: start + offset,
          title: item.title,
          body: item.body,
          deadline,
          deadlinePhrase: item.deadline?.phrase ?? null,
          recurrence: item.deadline?.recurrence ?? 'none',
          targets: item.targets,
        });
        const roles = new Map<string, 'lead' | 'support'>();
        for (const name of item.lead) {
          roles.set(draft.departments[name].departmentId as string, 'lead');
        }
        for (const name of item.support) {
          const departmentId = draft.departments[name].departmentId as string;
          if (!roles.has(departmentId)) {
            roles.set(departmentId, 'support');
          }
        }
        const events: NewEvent[] = [];
        for (const [departmentId, role] of roles) {
          assignments.push({ taskId, departmentId, role, assignedAt });
          events.push({
            type: 'TaskAssigned',
            aggregateType: 'task',
            aggregateId: taskId,
            payload: { taskId, departmentId, role, deadline },
          });
        }
        changes.push({
          actor: actorOf(actor),
          action: 'task.create',
          entityType: 'task',
          entityId: taskId,
          after: {
            number: item.number,
            title: item.title,
            deadline,
            lead: item.lead,
            support: item.support,
          },
          events,
        });
      }
      await manager.insert(Task, tasks);
      if (assignments.length) {
        await manager.insert(TaskAssignment, assignments);
      }
      await recordChanges(manager, changes);
      await yieldToEventLoop();
    }
  }

  private async directory(manager: EntityManager): Promise<DirectoryEntry[]> {
    const rows = await manager.find(Department, {
      select: { id: true, name: true, aliases: true, shortNames: true },
    });
    return rows.map((d) => ({
      id: d.id,
      name: d.name,
      aliases: d.aliases,
      shortNames: d.shortNames,
    }));
  }

  private async find(manager: EntityManager, id: string, lock = false): Promise<PlanImport> {
    const row = await manager.findOne(PlanImport, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!row) {
      throw new NotFoundException(`Import ${id} does not exist`);
    }
    return row;
  }

  private async findDraft(
    manager: EntityManager,
    id: string,
    rowVersion?: number,
  ): Promise<PlanImport> {
    const row = await this.find(manager, id, true);
    if (row.state !== 'draft') {
      throw new ConflictException(`Import ${id} is ${row.state}: it can no longer be changed`);
    }
    if (rowVersion !== undefined && row.rowVersion !== rowVersion) {
      throw new ConflictException(
        `Import ${id} changed since version ${rowVersion} (now ${row.rowVersion}): reload it and apply the edit again`,
      );
    }
    return row;
  }
}
