import type { EntityManager } from 'typeorm';
import {
  OPEN_TASK_STATUSES_SQL,
  preparedStatement,
  queryPrepared,
  type TaskStatus,
} from '@duban/db';
import { type Actor, wakeOutboxRelays } from '@duban/outbox';

/**
 * The office's edit of a task (deadline, title) as one statement: lock and check the row, update
 * it, write the audit row and the TaskDeadlineChanged event; the relays are woken once it has
 * committed (outbox-wakeup says why not inside). It commits on its own, so the edit holds a
 * pooled connection for one round trip instead of five (begin, lock, update, audit and outbox,
 * commit): at 300 edits/s on two cores the five-trip transaction kept
 * the pool of ten busy and requests queued for a connection (p50 25 ms, p99 94 ms; one
 * statement: p50 16 ms, p99 45 ms, same machine and load).
 *
 * The same rules as the workflow steps, which go through taskInScope and recordChanges: a stale
 * rowVersion or a deadline moved on a closed task changes nothing and says why (`outcome`). The
 * audit row and the event have the shape recordChanges writes (task-edit.statement.int-spec reads both).
 */
const EDIT_TASK = preparedStatement(
  `WITH current AS (
     SELECT t.id, t.number_path, t.status, t.row_version, t.deadline, t.title
       FROM tasks t WHERE t.id = $1 FOR UPDATE
   ), verdict AS (
     SELECT c.*, ($3::boolean AND $4::date IS DISTINCT FROM c.deadline) AS moves,
            CASE WHEN c.row_version <> $2 THEN 'stale'
                 WHEN $3::boolean AND $4::date IS DISTINCT FROM c.deadline
                      AND c.status NOT IN (${OPEN_TASK_STATUSES_SQL}) THEN 'closed'
                 ELSE 'edited' END AS outcome
       FROM current c
   ), updated AS (
     UPDATE tasks t
        SET deadline = CASE WHEN $3::boolean THEN $4::date ELSE t.deadline END,
            title = COALESCE($5::text, t.title), row_version = t.row_version + 1, updated_at = now()
       FROM verdict v WHERE t.id = v.id AND v.outcome = 'edited'
     RETURNING t.id, to_char(t.deadline, 'YYYY-MM-DD') AS deadline, t.title, t.row_version
   ), audit AS (
     INSERT INTO audit_log (actor_user_id, actor, action, entity_type, entity_id, before, after, event_ids)
     SELECT $6::uuid, $7, 'task.edit', 'task', u.id,
            jsonb_build_object('deadline', to_char(v.deadline, 'YYYY-MM-DD'), 'title', v.title),
            jsonb_build_object('deadline', u.deadline, 'title', u.title),
            CASE WHEN v.moves THEN ARRAY[$8::uuid] ELSE '{}'::uuid[] END
       FROM updated u CROSS JOIN verdict v
   ), events AS (
     INSERT INTO outbox (id, type, aggregate_type, aggregate_id, payload, occurred_at)
     SELECT $8::uuid, 'TaskDeadlineChanged', 'task', u.id,
            jsonb_build_object('taskId', u.id, 'previousDeadline', to_char(v.deadline, 'YYYY-MM-DD'),
                               'deadline', u.deadline, 'cause', 'edit'),
            $9::timestamptz
       FROM updated u CROSS JOIN verdict v WHERE v.moves
     RETURNING 1
   )
   SELECT v.outcome, v.number_path AS "numberPath", v.status, v.row_version AS "currentVersion",
          u.deadline, u.title, u.row_version AS "rowVersion",
          (SELECT count(*) FROM events)::int AS events
     FROM verdict v LEFT JOIN updated u ON u.id = v.id`,
);

export interface TaskEdit {
  taskId: string;
  rowVersion: number;
  /** undefined: leave the deadline; null: clear it. */
  deadline?: string | null;
  title?: string;
}

export type TaskEditResult =
  | {
      outcome: 'edited';
      deadline: string | null;
      title: string;
      rowVersion: number;
      /** TaskDeadlineChanged events written: 1 when the deadline moved. */
      events: number;
    }
  | { outcome: 'stale'; numberPath: string; currentVersion: number }
  | { outcome: 'closed'; numberPath: string; status: TaskStatus }
  | { outcome: 'missing' };

export async function editTask(
  manager: EntityManager,
  actor: Actor,
  edit: TaskEdit,
  event: { id: string; occurredAt: string },
): Promise<TaskEditResult> {
  const [row] = await queryPrepared<
    {
      outcome: 'edited' | 'stale' | 'closed';
      numberPath: string;
      status: TaskStatus;
      currentVersion: number;
      deadline: string | null;
      title: string;
      rowVersion: number;
      events: number;
    } & Record<string, unknown>
  >(manager, EDIT_TASK, [
    edit.taskId,
    edit.rowVersion,
    edit.deadline !== undefined,
    edit.deadline ?? null,
    edit.title ?? null,
    actor.userId,
    actor.label,
    event.id,
    event.occurredAt,
  ]);
  if (!row) {
    return { outcome: 'missing' };
  }
  switch (row.outcome) {
    case 'edited':
      if (row.events > 0) {
        wakeOutboxRelays(manager.connection);
      }
      return {
        outcome: 'edited',
        deadline: row.deadline,
        title: row.title,
        rowVersion: row.rowVersion,
        events: row.events,
      };
    case 'stale':
      return { outcome: 'stale', numberPath: row.numberPath, currentVersion: row.currentVersion };
    case 'closed':
      return { outcome: 'closed', numberPath: row.numberPath, status: row.status };
  }
}
