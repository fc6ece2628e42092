import type { DataSource } from 'typeorm';

export interface LedgerRow {
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

/** One row per task in the plan's document order, with its latest progress report. */
export function ledgerRows(dataSource: DataSource, planId: string): Promise<LedgerRow[]> {
  return dataSource.query<LedgerRow[]>(
    `SELECT t.number_path AS number, t.title, t.status,
            to_char(t.deadline, 'YYYY-MM-DD') AS deadline, t.deadline_phrase AS "deadlinePhrase",
            COALESCE((SELECT array_agg(d.name ORDER BY d.name) FROM task_assignments a JOIN departments d ON d.id = a.department_id
                       WHERE a.task_id = t.id AND a.role = 'lead'), '{}') AS lead,
            COALESCE((SELECT array_agg(d.name ORDER BY d.name) FROM task_assignments a JOIN departments d ON d.id = a.department_id
                       WHERE a.task_id = t.id AND a.role = 'support'), '{}') AS support,
            r.text AS "latestProgress", r.percent AS "latestPercent"
       FROM tasks t
       LEFT JOIN LATERAL (SELECT text, percent FROM progress_reports WHERE task_id = t.id ORDER BY reported_at DESC LIMIT 1) r ON true
      WHERE t.plan_id = $1
      ORDER BY t.position, t.number_path`,
    [planId],
  );
}
