import type { EntityManager } from 'typeorm';
import type {
  AssignmentFact,
  CompletionFact,
  DepartmentFacts,
  QualityRating,
  ReportFact,
  Role,
  TaskFact,
  YearlyCompletionFact,
} from '@duban/scoring';

/** An assignment that counts from the task's first allocation is given this start date. */
const FROM_THE_START = '1900-01-01';

export interface DepartmentRow {
  readonly id: string;
  readonly name: string;
}

export interface YearFacts {
  /** Every department of the directory: those without facts are "not assessed". */
  readonly departments: readonly DepartmentRow[];
  readonly byDepartment: ReadonlyMap<string, DepartmentFacts>;
}

/** The tasks due in the year: a one-off task by its deadline, a yearly one from its first year. */
const TASK_IN_YEAR = `(
  (t.recurrence = 'none' AND t.deadline >= make_date($1, 1, 1) AND t.deadline < make_date($1 + 1, 1, 1))
  OR (t.recurrence = 'yearly' AND t.deadline < make_date($1 + 1, 1, 1)
      AND (t.until_year IS NULL OR t.until_year >= $1)))`;

interface AssignmentRow {
  department_id: string;
  task_id: string;
  role: Role;
  valid_from: string | null;
  valid_to: string | null;
  deadline: string;
  recurrence: 'none' | 'yearly';
  until_year: number | null;
}

interface CompletionRow {
  task_id: string;
  approved_on: string;
  rating: QualityRating | null;
  occurrence_year: number;
  event_id: string;
}

interface ReportRow {
  event_id: string;
  task_id: string;
  department_id: string;
  period: string;
  state: 'late' | 'missed';
  due_on: string;
}

/**
 * One year's slice of the assessment facts, grouped by department for the pure scorer. Three
 * plain queries over indexed fact tables; rows stay raw (no entity hydration), dates as text.
 */
export async function loadYearFacts(manager: EntityManager, year: number): Promise<YearFacts> {
  const [departments, assignments, completions, reports] = await Promise.all([
    manager.query<DepartmentRow[]>(`SELECT id, name FROM departments ORDER BY id`),
    manager.query<AssignmentRow[]>(
      `SELECT a.department_id, a.task_id, a.role, a.valid_from::text, a.valid_to::text,
              t.deadline::text, t.recurrence, t.until_year
       FROM assessment_task_facts t
       JOIN assessment_assignment_facts a ON a.task_id = t.task_id
       WHERE ${TASK_IN_YEAR}`,
      [year],
    ),
    manager.query<CompletionRow[]>(
      `SELECT c.task_id, c.approved_on::text, c.rating, c.occurrence_year, c.event_id
       FROM assessment_task_facts t
       JOIN assessment_completion_facts c ON c.task_id = t.task_id
       WHERE ${TASK_IN_YEAR}
       ORDER BY c.approved_on`,
      [year],
    ),
    manager.query<ReportRow[]>(
      `SELECT event_id, task_id, department_id, period, state, due_on::text
       FROM assessment_report_facts
       WHERE due_on >= make_date($1, 1, 1) AND due_on < make_date($1 + 1, 1, 1)`,
      [year],
    ),
  ]);
  return { departments, byDepartment: groupFacts(assignments, completions, reports) };
}

function groupFacts(
  assignmentRows: readonly AssignmentRow[],
  completionRows: readonly CompletionRow[],
  reportRows: readonly ReportRow[],
): Map<string, DepartmentFacts> {
  const completionsByTask = new Map<string, CompletionRow[]>();
  for (const row of completionRows) {
    const list = completionsByTask.get(row.task_id);
    if (list === undefined) {
      completionsByTask.set(row.task_id, [row]);
    } else {
      list.push(row);
    }
  }

  // One TaskFact per task, shared by its lead and supporting departments.
  const tasks = new Map<string, TaskFact>();
  const taskFact = (row: AssignmentRow): TaskFact => {
    let task = tasks.get(row.task_id);
    if (task === undefined) {
      const completions = completionsByTask.get(row.task_id) ?? [];
      task =
        row.recurrence === 'yearly'
          ? {
              taskId: row.task_id,
              recurrence: 'yearly',
              deadline: row.deadline,
              untilYear: row.until_year,
              completions: completions.map(toYearlyCompletion),
            }
          : {
              taskId: row.task_id,
              recurrence: 'none',
              deadline: row.deadline,
              // Rows are ordered by approval: a task approved twice counts its first approval.
              completion: completions[0] === undefined ? null : toCompletion(completions[0]),
            };
      tasks.set(row.task_id, task);
    }
    return task;
  };

  interface Building {
    tasks: TaskFact[];
    taskIds: Set<string>;
    assignments: AssignmentFact[];
    reports: ReportFact[];
  }
  const byDepartment = new Map<string, Building>();
  const building = (departmentId: string): Building => {
    let entry = byDepartment.get(departmentId);
    if (entry === undefined) {
      entry = { tasks: [], taskIds: new Set(), assignments: [], reports: [] };
      byDepartment.set(departmentId, entry);
    }
    return entry;
  };

  for (const row of assignmentRows) {
    const entry = building(row.department_id);
    if (!entry.taskIds.has(row.task_id)) {
      entry.taskIds.add(row.task_id);
      entry.tasks.push(taskFact(row));
    }
    entry.assignments.push({
      taskId: row.task_id,
      departmentId: row.department_id,
      role: row.role,
      from: row.valid_from ?? FROM_THE_START,
      to: row.valid_to,
    });
  }
  for (const row of reportRows) {
    building(row.department_id).reports.push({
      taskId: row.task_id,
      departmentId: row.department_id,
      period: row.period,
      state: row.state,
      date: row.due_on,
      eventId: row.event_id,
    });
  }
  return new Map(
    [...byDepartment].map(([id, entry]) => [
      id,
      { tasks: entry.tasks, assignments: entry.assignments, reports: entry.reports },
    ]),
  );
}

function toCompletion(row: CompletionRow): CompletionFact {
  return {
    approvedOn: row.approved_on,
    eventId: row.event_id,
    rating: row.rating === null ? null : { rating: row.rating, eventId: row.event_id },
  };
}

function toYearlyCompletion(row: CompletionRow): YearlyCompletionFact {
  return { ...toCompletion(row), occurrenceYear: row.occurrence_year };
}
