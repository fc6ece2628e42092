import type { DataSource } from 'typeorm';

export interface LedgerRow {
  position: number;
  number: string;
  title: string;
  lead: string[];
  support: string[];
  deadline: string | null;
  deadlinePhrase: string | null;
  status: 'open' | 'completion_pending' | 'completed' | 'cancelled';
  latestProgress: string | null;
  latestPercent: number | null;
}

/** Rows read per statement: small enough that no batch holds the event loop or much memory. */
export const LEDGER_BATCH_SIZE = 500;

/**
 * The plan's tasks in document order with their latest progress report, a batch at a time.
 * Keyset paging on (position, number_path), unique within a plan, so each batch is one short
 * statement and no connection is held while the client reads the file.
 */
export async function* ledgerRows(
  dataSource: DataSource,
  planId: string,
  batchSize = LEDGER_BATCH_SIZE,
): AsyncGenerator<LedgerRow[]> {
  let after: { position: number; number: string } | null = null;
  for (;;) {
    const batch: LedgerRow[] = await dataSource.query<LedgerRow[]>(
      `SELECT t.position, t.number_path AS number, t.title, t.status,
              to_char(t.deadline, 'YYYY-MM-DD') AS deadline, t.deadline_phrase AS "deadlinePhrase",
              COALESCE((SELECT array_agg(d.name ORDER BY d.name) FROM task_assignments a JOIN departments d ON d.id = a.department_id
                         WHERE a.task_id = t.id AND a.role = 'lead'), '{}') AS lead,
              COALESCE((SELECT array_agg(d.name ORDER BY d.name) FROM task_assignments a JOIN departments d ON d.id = a.department_id
                         WHERE a.task_id = t.id AND a.role = 'support'), '{}') AS support,
              r.text AS "latestProgress", r.percent AS "latestPercent"
         FROM tasks t
         LEFT JOIN LATERAL (SELECT text, percent FROM progress_reports WHERE task_id = t.id ORDER BY reported_at DESC LIMIT 1) r ON true
        WHERE t.plan_id = $1
          AND ($2::int IS NULL OR (t.position, t.number_path) > ($2::int, $3::text))
        ORDER BY t.position, t.number_path
        LIMIT $4`,
      [planId, after?.position ?? null, after?.number ?? null, batchSize],
    );
    if (batch.length > 0) {
      yield batch;
    }
    if (batch.length < batchSize) {
      return;
    }
    const last = batch[batch.length - 1];
    after = { position: last.position, number: last.number };
  }
}
