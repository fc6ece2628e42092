import type { DataSource } from 'typeorm';
import type { ApprovalCountsDto, ApprovalItemDto, ApprovalKind } from './approvals.dto';

interface ApprovalRow {
  kind: ApprovalKind;
  id: string;
  taskId: string;
  number: string;
  title: string;
  rowVersion: number;
  departmentId: string;
  departmentName: string;
  submittedAt: Date;
  ageDays: number;
  evidence: string | null;
  previousDeadline: string | null;
  requestedDeadline: string | null;
  reason: string | null;
  progress: string | null;
}

/**
 * Both kinds of pending decision in one list, oldest first. Each side reads only the pending
 * rows (the partial unique indexes on state = 'pending' keep that small).
 */
const PENDING = `
  SELECT 'completion' AS kind, c.id, c.task_id, c.department_id, c.declared_at AS submitted_at,
         c.evidence, NULL::date AS previous_deadline, NULL::date AS requested_deadline,
         NULL::text AS reason, NULL::text AS progress
    FROM task_completions c WHERE c.state = 'pending'
  UNION ALL
  SELECT 'extension', e.id, e.task_id, e.department_id, e.created_at,
         NULL, e.previous_deadline, e.requested_deadline, e.reason, e.progress
    FROM extension_requests e WHERE e.state = 'pending'`;

export async function pendingApprovals(
  dataSource: DataSource,
  today: string,
  kind: ApprovalKind | undefined,
  limit: number,
): Promise<ApprovalItemDto[]> {
  const rows = await dataSource.query<ApprovalRow[]>(
    `SELECT q.kind, q.id, t.id AS "taskId", t.number_path AS number, t.title,
            t.row_version AS "rowVersion", d.id AS "departmentId", d.name AS "departmentName",
            q.submitted_at AS "submittedAt",
            GREATEST(0, $1::date - (q.submitted_at AT TIME ZONE 'Asia/Shanghai')::date)::int AS "ageDays",
            q.evidence, to_char(q.previous_deadline, 'YYYY-MM-DD') AS "previousDeadline",
            to_char(q.requested_deadline, 'YYYY-MM-DD') AS "requestedDeadline", q.reason, q.progress
       FROM (${PENDING}) q
       JOIN tasks t ON t.id = q.task_id
       JOIN departments d ON d.id = q.department_id
      WHERE $2::text IS NULL OR q.kind = $2
      ORDER BY q.submitted_at, q.id
      LIMIT $3`,
    [today, kind ?? null, limit],
  );
  return rows.map(toItem);
}

export async function pendingCounts(dataSource: DataSource): Promise<ApprovalCountsDto> {
  const [row] = await dataSource.query<[ApprovalCountsDto]>(
    `SELECT (SELECT count(*) FROM task_completions WHERE state = 'pending')::int AS completion,
            (SELECT count(*) FROM extension_requests WHERE state = 'pending')::int AS extension`,
  );
  return row;
}

function toItem(row: ApprovalRow): ApprovalItemDto {
  return {
    kind: row.kind,
    id: row.id,
    task: { id: row.taskId, number: row.number, title: row.title, rowVersion: row.rowVersion },
    department: { id: row.departmentId, name: row.departmentName },
    submittedAt: row.submittedAt.toISOString(),
    ageDays: row.ageDays,
    evidence: row.kind === 'completion' ? row.evidence : null,
    extension:
      row.kind === 'extension'
        ? {
            previousDeadline: row.previousDeadline,
            requestedDeadline: row.requestedDeadline ?? '',
            reason: row.reason ?? '',
            progress: row.progress ?? '',
          }
        : null,
  };
}
