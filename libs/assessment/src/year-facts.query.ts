import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
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
  /** Mutable so that the annual run can let each department's facts go once it is scored. */
  readonly byDepartment: Map<string, DepartmentFacts>;
}

/** The tasks due in the year: a one-off task by its deadline, a yearly one from its first year. */
const TASK_IN_YEAR = `(
  (t.recurrence = 'none' AND t.deadline >= make_date($1, 1, 1) AND t.deadline < make_date($1 + 1, 1, 1))
  OR (t.recurrence = 'yearly' AND t.deadline < make_date($1 + 1, 1, 1)
      AND (t.until_year IS NULL OR t.until_year >= $1)))`;

type AssignmentRow = [
  departmentId: string,
  taskId: string,
  role: Role,
  validFrom: string | null,
  validTo: string | null,
  deadline: string,
  recurrence: 'none' | 'yearly',
  untilYear: number | null,
];
type CompletionRow = [
  taskId: string,
  approvedOn: string,
  rating: QualityRating | null,
  occurrenceYear: number,
  eventId: string,
];
type ReportAssignmentRow = [
  departmentId: string,
  taskId: string,
  role: Role,
  validFrom: string | null,
  validTo: string | null,
];
type ReportRow = [
  eventId: string,
  taskId: string,
  departmentId: string,
  period: string,
  state: 'late' | 'missed',
  dueOn: string,
];

/**
 * Rows as arrays on a connection of its own: a million-task year returns millions of rows, and
 * array rows cost a fraction of keyed objects to build and collect.
 */
async function queryArrays<Row extends unknown[]>(
  dataSource: DataSource,
  text: string,
  values: unknown[],
): Promise<Row[]> {
  const queryRunner = dataSource.createQueryRunner();
  try {
    const client = (await queryRunner.connect()) as PoolClient;
    const result = await client.query<Row>({ text, values, rowMode: 'array' });
    return result.rows;
  } finally {
    await queryRunner.release();
  }
}

/**
 * One year's slice of the assessment facts, grouped by department for the pure scorer: the
 * reference the annual run's SQL scoring (year-deltas.sql.ts) is checked against. Queries over
 * indexed fact tables, side by side; rows stay raw (no entity hydration), dates as text. Rows come
 * in a fixed order (assignments by id, approvals by date then id), so ties resolve as in the SQL.
 */
export async function loadYearFacts(dataSource: DataSource, year: number): Promise<YearFacts> {
  const [departments, assignments, completions, reports, reportAssignments] = await Promise.all([
    dataSource.query<DepartmentRow[]>(`SELECT id, name FROM departments ORDER BY id`),
    queryArrays<AssignmentRow>(
      dataSource,
      `SELECT a.department_id, a.task_id, a.role, a.valid_from::text, a.valid_to::text,
              t.deadline::text, t.recurrence, t.until_year
       FROM assessment_task_facts t
       JOIN assessment_assignment_facts a ON a.task_id = t.task_id
       WHERE ${TASK_IN_YEAR}
       ORDER BY a.id`,
      [year],
    ),
    queryArrays<CompletionRow>(
      dataSource,
      `SELECT c.task_id, c.approved_on::text, c.rating, c.occurrence_year, c.event_id
       FROM assessment_task_facts t
       JOIN assessment_completion_facts c ON c.task_id = t.task_id
       WHERE ${TASK_IN_YEAR}
       ORDER BY c.approved_on, c.completion_id`,
      [year],
    ),
    queryArrays<ReportRow>(
      dataSource,
      `SELECT event_id, task_id, department_id, period, state, due_on::text
       FROM assessment_report_facts
       WHERE due_on >= make_date($1, 1, 1) AND due_on < make_date($1 + 1, 1, 1)`,
      [year],
    ),
    // A report counts whichever task it belongs to: the department's assignments on the tasks of
    // its reports that are not due this year, for the role it held on the report's due date.
    queryArrays<ReportAssignmentRow>(
      dataSource,
      `SELECT a.department_id, a.task_id, a.role, a.valid_from::text, a.valid_to::text
       FROM assessment_assignment_facts a
       WHERE (a.task_id, a.department_id) IN (
               SELECT task_id, department_id FROM assessment_report_facts
               WHERE due_on >= make_date($1, 1, 1) AND due_on < make_date($1 + 1, 1, 1))
         AND NOT EXISTS (SELECT 1 FROM assessment_task_facts t
                         WHERE t.task_id = a.task_id AND ${TASK_IN_YEAR})
       ORDER BY a.id`,
      [year],
    ),
  ]);
  return {
    departments,
    byDepartment: groupFacts(assignments, completions, reports, reportAssignments),
  };
}

function groupFacts(
  assignmentRows: readonly AssignmentRow[],
  completionRows: readonly CompletionRow[],
  reportRows: readonly ReportRow[],
  reportAssignmentRows: readonly ReportAssignmentRow[],
): Map<string, DepartmentFacts> {
  const completionsByTask = new Map<string, CompletionRow[]>();
  for (const row of completionRows) {
    const list = completionsByTask.get(row[0]);
    if (list === undefined) {
      completionsByTask.set(row[0], [row]);
    } else {
      list.push(row);
    }
  }

  // One TaskFact per task, shared by its lead and supporting departments.
  const tasks = new Map<string, TaskFact>();
  const taskFact = (row: AssignmentRow): TaskFact => {
    const [, taskId, , , , deadline, recurrence, untilYear] = row;
    let task = tasks.get(taskId);
    if (task === undefined) {
      const completions = completionsByTask.get(taskId) ?? [];
      const first = completions[0];
      task =
        recurrence === 'yearly'
          ? {
              taskId,
              recurrence: 'yearly',
              deadline,
              untilYear,
              completions: completions.map(toYearlyCompletion),
            }
          : {
              taskId,
              recurrence: 'none',
              deadline,
              // Rows are ordered by approval: a task approved twice counts its first approval.
              completion: first === undefined ? null : toCompletion(first),
            };
      tasks.set(taskId, task);
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

  // Every id string is kept once (the task's, the department's): a million-task year would
  // otherwise hold millions of copies and spend the run collecting them.
  const departmentIds = new Map<string, string>();
  for (const row of assignmentRows) {
    const [rawDepartmentId, , role, validFrom, validTo] = row;
    let departmentId = departmentIds.get(rawDepartmentId);
    if (departmentId === undefined) {
      departmentId = rawDepartmentId;
      departmentIds.set(departmentId, departmentId);
    }
    const entry = building(departmentId);
    const task = taskFact(row);
    if (!entry.taskIds.has(task.taskId)) {
      entry.taskIds.add(task.taskId);
      entry.tasks.push(task);
    }
    entry.assignments.push({
      taskId: task.taskId,
      departmentId,
      role,
      from: validFrom ?? FROM_THE_START,
      to: validTo,
    });
  }
  for (const [departmentId, taskId, role, validFrom, validTo] of reportAssignmentRows) {
    building(departmentId).assignments.push({
      taskId,
      departmentId,
      role,
      from: validFrom ?? FROM_THE_START,
      to: validTo,
    });
  }
  for (const [eventId, taskId, departmentId, period, state, dueOn] of reportRows) {
    building(departmentId).reports.push({
      taskId,
      departmentId,
      period,
      state,
      date: dueOn,
      eventId,
    });
  }
  return new Map(
    [...byDepartment].map(([id, entry]) => [
      id,
      { tasks: entry.tasks, assignments: entry.assignments, reports: entry.reports },
    ]),
  );
}

function toCompletion([, approvedOn, rating, , eventId]: CompletionRow): CompletionFact {
  return { approvedOn, eventId, rating: rating === null ? null : { rating, eventId } };
}

function toYearlyCompletion(row: CompletionRow): YearlyCompletionFact {
  const [, approvedOn, rating, occurrenceYear, eventId] = row;
  return {
    approvedOn,
    eventId,
    rating: rating === null ? null : { rating, eventId },
    occurrenceYear,
  };
}
