import type { PlanGoal, TaskTarget } from '@duban/db';
import {
  type DepartmentResolution,
  type DirectoryEntry,
  flattenTasks,
  type PlanDraft,
  type QuantitativeTarget,
  resolveDepartments,
} from '@duban/plan-parser';

/** How a name written in the plan maps to the directory, as the office sees it in review. */
export interface DraftDepartment {
  written: string;
  departmentId: string | null;
  method: DepartmentResolution['method'] | 'confirmed';
  suggestions: DepartmentResolution['suggestions'];
  /** The office asked to remember `written` as an alias of the department on commit. */
  remember: boolean;
}

export interface DraftTask {
  number: string;
  /** Number of the enclosing task, when the enclosing heading is itself a task. */
  parentNumber: string | null;
  level: number;
  title: string;
  body: string;
  /** Whether the item becomes a task on commit (the office may drop items). */
  include: boolean;
  deadline: { phrase: string | null; date: string | null; recurrence: 'none' | 'yearly' } | null;
  targets: TaskTarget[];
  /** Names as written (keys of `departments`), in the order written. */
  lead: string[];
  support: string[];
  warnings: string[];
  /**
   * Where the item is written in the import's source text (UTF-16 offsets), for the review's
   * side-by-side view; null for a task the office added and for drafts stored before spans.
   */
  span: { start: number; end: number } | null;
}

/** The stored review document of an import. */
export interface ImportDraft {
  title: string | null;
  docNumber: string | null;
  issuer: string | null;
  issueDate: string | null;
  goals: PlanGoal[];
  tasks: DraftTask[];
  departments: Record<string, DraftDepartment>;
  warnings: string[];
}

const toTarget = (t: QuantitativeTarget): TaskTarget => ({
  phrase: t.phrase,
  indicator: t.indicator || null,
  value: t.value,
  unit: t.unit || null,
  comparator:
    t.comparator === '>=' || t.comparator === '>'
      ? 'at_least'
      : t.comparator === '<='
        ? 'at_most'
        : t.comparator === '='
          ? 'equal'
          : null,
  year: t.year,
});

/**
 * Turns the parser's tree into the flat review document and resolves every written department
 * name against the directory (unresolved names carry suggestions for the office to confirm).
 * Only 每年 counts as a recurrence here; other cycles keep their phrase for the office to read.
 */
export function buildImportDraft(parsed: PlanDraft, directory: DirectoryEntry[]): ImportDraft {
  const tasks = flattenTasks(parsed);
  const parentOf = new Map<string, string | null>();
  const walk = (list: PlanDraft['tasks'], parent: string | null) => {
    for (const task of list) {
      parentOf.set(task.number, parent);
      walk(task.children, task.number);
    }
  };
  walk(parsed.tasks, null);
  const written = [...new Set(tasks.flatMap((t) => [...t.lead, ...t.support]))];
  const departments: Record<string, DraftDepartment> = {};
  for (const resolution of resolveDepartments(written, directory)) {
    departments[resolution.written] = { ...resolution, remember: false };
  }
  return {
    title: parsed.title,
    docNumber: parsed.docNumber,
    issuer: parsed.issuer,
    issueDate: parsed.issueDate,
    goals: parsed.goals.map((g) => ({
      phrase: g.phrase,
      indicator: g.indicator || null,
      value: g.value,
      unit: g.unit || null,
    })),
    tasks: tasks.map((task) => ({
      number: task.number,
      parentNumber: parentOf.get(task.number) ?? null,
      level: task.level,
      title: task.title,
      body: task.body,
      include: true,
      deadline: task.deadline
        ? {
            phrase: task.deadline.phrase,
            date: task.deadline.date,
            recurrence: task.deadline.recurrence === 'yearly' ? 'yearly' : 'none',
          }
        : null,
      targets: task.targets.map(toTarget),
      lead: task.lead,
      support: task.support,
      warnings: task.warnings,
      span: { start: task.span.start, end: task.span.end },
    })),
    departments,
    warnings: parsed.warnings,
  };
}

/** Written names of included tasks that no department answers to yet. */
export function unresolvedNames(draft: ImportDraft): string[] {
  const used = new Set(
    draft.tasks.filter((t) => t.include).flatMap((t) => [...t.lead, ...t.support]),
  );
  return [...used].filter((name) => !draft.departments[name]?.departmentId);
}
