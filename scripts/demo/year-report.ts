import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { renderTable, truncate } from '../../apps/cli/src/text-table';
import type { DemoApi } from './api-client';
import type { SmtpSink } from '@duban/testing';
import type { ImportedPlan } from './office-setup';

const LIGHT: Record<string, string> = { red: '🔴 红', yellow: '🟡 黄', green: '🟢 绿' };

/** The ledger per plan, from the database the services wrote. */
export async function ledgerTable(db: DataSource, year: number): Promise<string> {
  const rows = await db.query<Array<Record<string, string | number>>>(
    `SELECT p.title,
            count(DISTINCT t.id)::int AS tasks,
            count(a.*)::int AS assignments,
            round(100.0 * count(a.acknowledged_at) / GREATEST(count(a.*), 1))::int AS acked,
            count(DISTINCT t.id) FILTER (WHERE t.status = 'completed'
              AND (t.completed_at AT TIME ZONE 'Asia/Shanghai')::date <= t.deadline)::int AS on_time,
            count(DISTINCT t.id) FILTER (WHERE t.status = 'completed'
              AND (t.completed_at AT TIME ZONE 'Asia/Shanghai')::date > t.deadline)::int AS late,
            count(DISTINCT t.id) FILTER (WHERE t.status IN ('open', 'completion_pending')
              AND t.deadline < make_date($1, 12, 31))::int AS overdue,
            count(DISTINCT t.id) FILTER (WHERE t.status IN ('open', 'completion_pending')
              AND (t.deadline IS NULL OR t.deadline >= make_date($1, 12, 31)))::int AS pending
       FROM plans p
       JOIN tasks t ON t.plan_id = p.id
       LEFT JOIN task_assignments a ON a.task_id = t.id
      GROUP BY p.id, p.title ORDER BY p.created_at`,
    [year],
  );
  return renderTable(
    ['方案', '任务', '分工', '签收率', '按时办结', '逾期办结', '逾期未办结', '在办'],
    rows.map((r) => [
      truncate(String(r.title), 34),
      String(r.tasks),
      String(r.assignments),
      `${r.acked}%`,
      String(r.on_time),
      String(r.late),
      String(r.overdue),
      String(r.pending),
    ]),
  );
}

interface Board {
  asOf: string;
  totals: Record<string, number>;
  departments: Array<{
    name: string;
    open: number;
    red: number;
    yellow: number;
    green: number;
    unacknowledged: number;
  }>;
}
interface BoardTasks {
  tasks: Array<{
    number: string;
    title: string;
    deadline: string | null;
    daysOverdue: number;
    light: string;
    lead: string[];
  }>;
}

/** The overdue board as the office sees it on the last day of the year. */
export async function boardTables(api: DemoApi, office: string, asOf: string): Promise<string> {
  const board = await api.call<Board>('GET', `/board?asOf=${asOf}`, office);
  const tasks = await api.call<BoardTasks>('GET', `/board/tasks?asOf=${asOf}&limit=10`, office);
  const totals = Object.entries(board.totals)
    .map(([light, count]) => `${LIGHT[light] ?? light} ${count}`)
    .join('   ');
  const departments = renderTable(
    ['部门', '在办', '🔴 红', '🟡 黄', '🟢 绿', '未签收'],
    board.departments
      .slice(0, 10)
      .map((d) => [
        d.name,
        String(d.open),
        String(d.red),
        String(d.yellow),
        String(d.green),
        String(d.unacknowledged),
      ]),
  );
  const worst = renderTable(
    ['灯', '编号', '任务', '牵头单位', '完成时限', '超期(天)'],
    tasks.tasks.map((t) => [
      LIGHT[t.light] ?? t.light,
      t.number,
      truncate(t.title, 28),
      truncate(t.lead.join('、'), 16),
      t.deadline ?? '-',
      String(t.daysOverdue),
    ]),
  );
  return `${asOf}  ${totals}\n\n${departments}\n\n${worst}`;
}

/** Reminders and 督办单 notices by kind and state, and the mail they became. */
export async function reminderTables(db: DataSource, catcher: SmtpSink | null): Promise<string> {
  const kinds = await db.query<Array<Record<string, string | number>>>(
    `SELECT kind,
            count(*) FILTER (WHERE state = 'sent')::int AS sent,
            count(*) FILTER (WHERE state IN ('fired', 'scheduled') AND fire_at <= now())::int AS in_flight,
            count(*) FILTER (WHERE state = 'cancelled')::int AS cancelled,
            count(*) FILTER (WHERE state = 'failed')::int AS failed,
            count(*) FILTER (WHERE state = 'scheduled')::int AS scheduled,
            (array_agg(notice_number ORDER BY fire_at, updated_at)
              FILTER (WHERE notice_number IS NOT NULL))[1] AS first_notice
       FROM reminders GROUP BY kind ORDER BY min(fire_at)`,
  );
  const label: Record<string, string> = {
    acknowledgement: '签收提醒',
    report_due: '月报提醒',
    report_missed: '月报未报',
    pre_deadline: '到期前提醒',
    due_day: '到期日提醒',
    notice_blue: '督办单·蓝色提醒',
    notice_orange: '督办单·橙色预警',
    notice_red: '督办单·红色督办(限期办结)',
  };
  const table = renderTable(
    ['种类', '已发送', '已撤销(办结/签收/延期)', '失败', '尚未到时', '首个督办单编号'],
    kinds.map((k) => [
      label[String(k.kind)] ?? String(k.kind),
      String(k.sent),
      String(k.cancelled),
      String(k.failed),
      String(k.scheduled),
      String(k.first_notice ?? '-'),
    ]),
  );
  const [mail] = await db.query<Array<Record<string, number>>>(
    `SELECT count(*) FILTER (WHERE state = 'sent')::int AS sent,
            count(*) FILTER (WHERE state = 'failed')::int AS failed,
            count(*) FILTER (WHERE state NOT IN ('sent', 'failed'))::int AS pending,
            count(DISTINCT department_id)::int AS departments
       FROM mail_deliveries`,
  );
  const smtp = catcher ? `; ${countByMessageId(catcher.mails.map((m) => m.messageId))}` : '';
  return `${table}\n\nMail: ${mail.sent} sent to ${mail.departments} departments, ${mail.failed} failed, ${mail.pending} still queued${smtp}.`;
}

interface Ranking {
  method: string;
  asOf: string;
  departments: Array<{
    rank: number | null;
    departmentName: string;
    score: number | null;
    status: string;
  }>;
}

/** The assessment ranking: the top ten, the bottom five, and how many were not assessed. */
export async function rankingTable(api: DemoApi, office: string, year: number): Promise<string> {
  const ranking = await api.call<Ranking>('GET', `/assessments/${year}`, office);
  const assessed = ranking.departments.filter((d) => d.status === 'assessed');
  const shown =
    assessed.length > 15 ? [...assessed.slice(0, 10), null, ...assessed.slice(-5)] : assessed;
  const table = renderTable(
    ['名次', '部门', '得分'],
    shown.map((d) =>
      d ? [String(d.rank ?? '-'), d.departmentName, (d.score ?? 0).toFixed(2)] : ['…', '…', '…'],
    ),
  );
  const notAssessed = ranking.departments.length - assessed.length;
  return `${ranking.method}, as of ${ranking.asOf}: ${assessed.length} departments assessed, ${notAssessed} not assessed (no tasks)\n\n${table}`;
}

/** Writes each plan's ledger workbook and the assessment workbook and HTML report to `outDir`. */
export async function writeOutputs(
  api: DemoApi,
  office: string,
  plans: readonly ImportedPlan[],
  year: number,
  outDir: string,
): Promise<string[]> {
  const written: string[] = [];
  for (const [index, plan] of plans.entries()) {
    const file = join(outDir, `ledger-${index + 1}.xlsx`);
    writeFileSync(file, await api.download(`/plans/${plan.planId}/ledger.xlsx`, office));
    written.push(file);
  }
  for (const format of ['xlsx', 'html'] as const) {
    const requested = await api.call<{ reportId: string }>(
      'POST',
      `/assessments/${year}/reports`,
      office,
      {
        format,
      },
    );
    const deadline = Date.now() + 60_000;
    for (;;) {
      const report = await api.call<{ state: string; error: string | null }>(
        'GET',
        `/assessments/reports/${requested.reportId}`,
        office,
      );
      if (report.state === 'ready') break;
      if (report.state === 'failed' || Date.now() > deadline) {
        throw new Error(`The ${format} report did not build: ${report.error ?? report.state}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const file = join(outDir, `assessment-${year}.${format}`);
    writeFileSync(
      file,
      await api.download(`/assessments/reports/${requested.reportId}/file`, office),
    );
    written.push(file);
  }
  return written;
}

/** What the SMTP catcher received, counted by Message-ID. */
function countByMessageId(ids: readonly string[]): string {
  const distinct = new Set(ids).size;
  return `the SMTP catcher received ${ids.length} (${distinct} distinct Message-IDs, ${ids.length - distinct} duplicates)`;
}
