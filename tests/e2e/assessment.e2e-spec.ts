import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import ExcelJS from 'exceljs';
import { AssessmentModule } from '../../apps/assessment/src/assessment.module';
import {
  AssessmentReportsService,
  AssessmentResultsService,
  AssessmentRunConflictError,
  AssessmentRunsService,
  InvalidAssessmentRequestError,
  InvalidYearError,
  SchemeNotFoundError,
  STORED_DELTAS_SQL,
  type RunView,
} from '@duban/assessment';
import type { DubanConfig } from '@duban/config';
import type { NewEvent } from '@duban/contracts';
import { OutboxRelay, recordChanges } from '@duban/outbox';
import { InvalidSchemeError } from '@duban/scoring';
import {
  createTestDatabase,
  createTestRedis,
  pollUntil,
  testConfig,
  type TestDatabase,
  type TestRedis,
} from '@duban/testing';
import { Queue } from 'bullmq';
import { bullConnectionFromUrl } from '@duban/queue';
import { CONSUMER_QUEUE, type EventConsumer } from '@duban/contracts';

/**
 * The annual assessment end to end: a plan's tasks are driven through on-time, late, overdue and
 * reported states by the events the api writes (outbox → relay → assessment worker), the year is
 * run, and the stored ranking and breakdown are compared with a table computed by hand from
 * config/assessment/2025.yaml (base 80; on time lead +2 / support +1; overdue lead −5 / support
 * −2.5; late report −0.1; missed report −0.5; rating 优 +0.5 / 差 −1, lead only).
 */
describe('annual assessment: events → facts → run → ranking, breakdown, reports', () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let config: DubanConfig;
  let worker: INestApplicationContext;
  let relay: OutboxRelay;
  let queues: Record<EventConsumer, Queue>;
  let schemeDir: string;
  let runs: AssessmentRunsService;
  let results: AssessmentResultsService;
  let reports: AssessmentReportsService;

  const AS_OF = '2026-01-15';
  const dept = {
    fgw: randomUUID(), // 市发展改革委
    gxw: randomUUID(), // 市工信委
    kjj: randomUUID(), // 市科技局
    swj: randomUUID(), // 市商务局
    jyj: randomUUID(), // no task in 2025: not assessed (its name tests escaping)
    tjj: randomUUID(), // 市统计局
  };
  const task = {
    t1: randomUUID(),
    t2: randomUUID(),
    t3: randomUUID(),
    t4: randomUUID(),
    t5: randomUUID(),
    t6: randomUUID(),
    t7: randomUUID(),
    t8: randomUUID(),
    t9: randomUUID(),
  };

  /** Writes the events of one api action and waits until the assessment applied every one. */
  async function emit(events: NewEvent[], sql?: [string, unknown[]]): Promise<string[]> {
    const written = await db.dataSource.transaction(async (manager) => {
      if (sql !== undefined) {
        await manager.query(sql[0], sql[1]);
      }
      return recordChanges(manager, [
        {
          actor: { userId: null, label: 'e2e office' },
          action: 'e2e',
          entityType: 'task',
          entityId: randomUUID(),
          events,
        },
      ]);
    });
    await relay.drain();
    const ids = written.map((event) => event.id);
    await pollUntil(
      async () => {
        const [{ count }] = await db.dataSource.query<[{ count: number }]>(
          `SELECT count(*)::int AS count FROM processed_events
           WHERE consumer = 'assessment' AND event_id = ANY($1::uuid[])`,
          [ids],
        );
        return count === ids.length;
      },
      { timeoutMs: 15_000, what: 'the assessment applied the events' },
    );
    return ids;
  }

  const assigned = (
    taskId: string,
    departmentId: string,
    role: 'lead' | 'support',
    deadline: string,
  ): NewEvent => ({
    type: 'TaskAssigned',
    aggregateType: 'task',
    aggregateId: taskId,
    payload: { taskId, departmentId, role, deadline },
  });
  const completed = (
    taskId: string,
    completedOn: string,
    rating: 'excellent' | 'good' | 'fair' | 'poor',
  ): NewEvent => ({
    type: 'TaskCompleted',
    aggregateType: 'task',
    aggregateId: taskId,
    payload: { taskId, completionId: randomUUID(), completedOn, rating },
  });
  const approve = (taskId: string): [string, unknown[]] => [
    `UPDATE tasks SET status = 'completed' WHERE id = $1`,
    [taskId],
  ];

  async function waitForRun(runId: string): Promise<RunView> {
    return pollUntil(
      async () => {
        const run = await runs.getRun(runId);
        return run.state === 'succeeded' || run.state === 'failed' ? run : null;
      },
      { timeoutMs: 30_000, what: `run ${runId} finished` },
    );
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    config = testConfig({ databaseUrl: db.url, redisUrl: redis.url, redisPrefix: redis.prefix });
    schemeDir = mkdtempSync(join(tmpdir(), 'duban-schemes-'));
    copyFileSync('config/assessment/2025.yaml', join(schemeDir, '2025.yaml'));
    // A scheme with a negative cap: the run of 2024 is refused, naming the field.
    writeFileSync(
      join(schemeDir, '2024.yaml'),
      'year: 2024\nmethod: points\ncounts: {onTime: true, overdue: true, lateReport: true, missedReport: true, quality: true}\n' +
        'points: {base: 80, cap: -1, floor: 0, onTime: {lead: 2, support: 1}, overdue: {lead: -5, support: -2.5},\n' +
        '  lateReport: -0.1, missedReport: -0.5, quality: {appliesTo: [lead], ratings: {excellent: 0.5, good: 0, fair: 0, poor: -1}}}\n',
    );
    worker = await NestFactory.createApplicationContext(
      AssessmentModule.forRoot(config, { schemeDir }),
      { logger: false },
    );
    runs = worker.get(AssessmentRunsService);
    results = worker.get(AssessmentResultsService);
    reports = worker.get(AssessmentReportsService);
    const connection = bullConnectionFromUrl(redis.url);
    queues = {
      scheduler: new Queue(CONSUMER_QUEUE.scheduler, { connection, prefix: redis.prefix }),
      assessment: new Queue(CONSUMER_QUEUE.assessment, { connection, prefix: redis.prefix }),
    };
    relay = new OutboxRelay(
      db.dataSource,
      queues,
      { batchSize: 500, pollIntervalMs: 50 },
      {
        log: () => undefined,
        warn: () => undefined,
        error: () => undefined,
      },
    );

    await db.dataSource.query(
      `INSERT INTO departments (id, name) VALUES
         ($1, '市发展改革委'), ($2, '市工信委'), ($3, '市科技局'), ($4, '市商务局'),
         ($5, '市教育局<script>alert("x")</script>'), ($6, '市统计局')`,
      [dept.fgw, dept.gxw, dept.kjj, dept.swj, dept.jyj, dept.tjj],
    );
    const [plan] = await db.dataSource.query<{ id: string }[]>(
      `INSERT INTO plans (title, source_text, source_hash, status)
       VALUES ('关于加快推进创新驱动发展的实施方案', '正文', repeat('e', 64), 'active') RETURNING id`,
    );
    const tasks: [string, string, string, string, 'none' | 'yearly'][] = [
      [task.t1, '一.1', '建设科技创新平台', '2025-06-30', 'none'],
      [task.t2, '一.2', '培育高新技术企业', '2025-09-30', 'none'],
      [task.t3, '一.3', '完善科技金融服务', '2025-11-30', 'none'],
      [task.t4, '二.1', '扩大对外开放合作', '2025-03-31', 'none'],
      [task.t5, '二.2', '建设跨境电商园区', '2026-06-30', 'none'],
      [task.t6, '二.3', '每年开展招商推介活动', '2024-12-31', 'yearly'],
      [task.t7, '三.1', '建设孵化器', '2025-10-31', 'none'],
      [task.t8, '三.2', '完善统计监测', '2025-08-31', 'none'],
      [task.t9, '三.3', '推进工业互联网', '2025-07-31', 'none'],
    ];
    for (const [id, numberPath, title, deadline, recurrence] of tasks) {
      await db.dataSource.query(
        `INSERT INTO tasks (id, plan_id, number_path, level, title, deadline, recurrence)
         VALUES ($1, $2, $3, 2, $4, $5, $6)`,
        [id, plan?.id, numberPath, title, deadline, recurrence],
      );
    }

    // Plan commit: every assignment with the deadline it was given.
    await emit([
      assigned(task.t1, dept.fgw, 'lead', '2025-06-30'),
      assigned(task.t1, dept.gxw, 'support', '2025-06-30'),
      assigned(task.t2, dept.gxw, 'lead', '2025-09-30'),
      assigned(task.t2, dept.kjj, 'support', '2025-09-30'),
      assigned(task.t3, dept.kjj, 'lead', '2025-11-30'),
      assigned(task.t4, dept.swj, 'lead', '2025-03-31'),
      assigned(task.t4, dept.fgw, 'support', '2025-03-31'),
      assigned(task.t5, dept.fgw, 'lead', '2026-06-30'),
      assigned(task.t6, dept.swj, 'lead', '2024-12-31'),
      assigned(task.t7, dept.kjj, 'lead', '2025-10-31'),
      assigned(task.t8, dept.tjj, 'lead', '2025-08-31'),
      assigned(task.t9, dept.gxw, 'lead', '2025-07-31'),
      assigned(task.t9, dept.tjj, 'support', '2025-07-31'),
    ]);
    // T4: extension approved before the deadline, from 31 March to 31 December.
    await emit(
      [
        {
          type: 'TaskDeadlineChanged',
          aggregateType: 'task',
          aggregateId: task.t4,
          payload: {
            taskId: task.t4,
            previousDeadline: '2025-03-31',
            deadline: '2025-12-31',
            cause: 'extension',
          },
        },
      ],
      [`UPDATE tasks SET deadline = '2025-12-31' WHERE id = $1`, [task.t4]],
    );
    // T7: handed from 科技局 to 商务局 today, long after its 2025 deadline: points stay with 科技局.
    await emit([
      {
        type: 'TaskUnassigned',
        aggregateType: 'task',
        aggregateId: task.t7,
        payload: { taskId: task.t7, departmentId: dept.kjj, role: 'lead' },
      },
      assigned(task.t7, dept.swj, 'lead', '2025-10-31'),
    ]);
    // Approvals (办结) with the office's rating.
    await emit([completed(task.t1, '2025-06-20', 'excellent')], approve(task.t1));
    await emit([completed(task.t2, '2025-10-15', 'good')], approve(task.t2));
    await emit([completed(task.t4, '2025-12-20', 'poor')], approve(task.t4));
    await emit([completed(task.t6, '2025-12-25', 'good')]);
    await emit([completed(task.t7, '2025-10-30', 'good')], approve(task.t7));
    await emit([completed(task.t8, '2025-08-01', 'good')], approve(task.t8));
    await emit([completed(task.t9, '2025-07-20', 'fair')], approve(task.t9));
    // Progress reports: one late (2025-03), one late in 2024 (another year), two missed.
    await emit([
      {
        type: 'ProgressReported',
        aggregateType: 'task',
        aggregateId: task.t1,
        payload: {
          taskId: task.t1,
          departmentId: dept.fgw,
          reportId: randomUUID(),
          percent: 40,
          period: '2025-03',
          late: true,
        },
      },
      {
        type: 'ProgressReported',
        aggregateType: 'task',
        aggregateId: task.t1,
        payload: {
          taskId: task.t1,
          departmentId: dept.fgw,
          reportId: randomUUID(),
          percent: 10,
          period: '2024-12',
          late: true,
        },
      },
      {
        type: 'ProgressReported',
        aggregateType: 'task',
        aggregateId: task.t1,
        payload: {
          taskId: task.t1,
          departmentId: dept.gxw,
          reportId: randomUUID(),
          percent: 50,
          period: '2025-04',
          late: false,
        },
      },
      {
        type: 'ReportMissed',
        aggregateType: 'task',
        aggregateId: task.t2,
        payload: {
          taskId: task.t2,
          departmentId: dept.gxw,
          period: '2025-05',
          dueDate: '2025-05-28',
        },
      },
      {
        type: 'ReportMissed',
        aggregateType: 'task',
        aggregateId: task.t3,
        payload: {
          taskId: task.t3,
          departmentId: dept.kjj,
          period: '2025-07',
          dueDate: '2025-07-28',
        },
      },
    ]);
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await Promise.all(Object.values(queues ?? {}).map((queue) => queue.close()));
    await redis?.cleanup();
    await db?.drop();
    rmSync(schemeDir, { recursive: true, force: true });
  }, 30_000);

  // The hand-computed 2025 table (as of 2026-01-15):
  //   市发展改革委 80 +2 (T1 on time, lead) +0.5 (T1 优) +1 (T4 on time, support) −0.1 (late report 2025-03) = 83.40
  //   市商务局     80 +2 (T4 on time after extension) −1 (T4 差) +2 (T6 yearly, 2025 on time) +0 (T6 良) = 83.00
  //   市统计局     80 +2 (T8 on time, lead) +0 (T8 良) +1 (T9 on time, support)                 = 83.00
  //   市工信委     80 +1 (T1 support) −5 (T2 late, lead) +0 (T2 良) +2 (T9 lead) +0 (T9 中) −0.5 (missed) = 77.50
  //   市科技局     80 −0.5 (missed 2025-07) −2.5 (T2 late, support) +2 (T7 lead) +0 (T7 良) −5 (T3 overdue) = 74.00
  //   市教育局     no task due in 2025: not assessed
  const EXPECTED_2025 = [
    { rank: 1, departmentId: () => dept.fgw, score: 83.4 },
    { rank: 2, departmentId: () => dept.swj, score: 83 },
    { rank: 2, departmentId: () => dept.tjj, score: 83 },
    { rank: 4, departmentId: () => dept.gxw, score: 77.5 },
    { rank: 5, departmentId: () => dept.kjj, score: 74 },
  ];

  let firstRun: RunView;

  it('runs 2025 and stores the hand-computed ranking, ties sharing a rank', async () => {
    const requested = await runs.requestRun(2025, { asOf: AS_OF });
    expect(requested.state).toBe('queued');
    firstRun = await waitForRun(requested.runId);
    expect(firstRun).toMatchObject({ state: 'succeeded', assessedCount: 5, notAssessedCount: 1 });

    const ranking = await results.ranking(2025);
    expect(ranking.runId).toBe(firstRun.runId);
    expect(ranking.asOf).toBe(AS_OF);
    // Ties are listed by department id; compare as sets within the tie.
    const assessed = ranking.departments.filter((d) => d.status === 'assessed');
    expect(
      assessed.map((d) => ({ rank: d.rank, departmentId: d.departmentId, score: d.score })),
    ).toEqual(
      expect.arrayContaining(
        EXPECTED_2025.map((row) => ({ ...row, departmentId: row.departmentId() })),
      ),
    );
    expect(assessed.map((d) => d.rank)).toEqual([1, 2, 2, 4, 5]);
    expect(ranking.departments[5]).toMatchObject({
      departmentId: dept.jyj,
      status: 'not_assessed',
      rank: null,
      score: null,
      notAssessedReason: 'no_tasks_in_year',
    });
  }, 60_000);

  it('explains 市科技局 task by task, down to each delta and its event', async () => {
    const breakdown = await results.departmentBreakdown(2025, dept.kjj);
    expect(breakdown).toMatchObject({
      status: 'assessed',
      base: 80,
      rawScore: 74,
      score: 74,
      rank: 5,
    });
    const rows = breakdown.tasks.map((t) => ({
      taskId: t.taskId,
      points: t.points,
      deltas: t.deltas.map((d) => [d.rule, d.role, d.points, d.date, d.deadline ?? d.period]),
    }));
    expect(rows).toEqual([
      {
        taskId: task.t3,
        points: -5.5,
        deltas: [
          ['missed_report', 'lead', -0.5, '2025-07-28', '2025-07'],
          ['overdue_open', 'lead', -5, '2025-12-01', '2025-11-30'],
        ],
      },
      {
        taskId: task.t2,
        points: -2.5,
        deltas: [['completed_late', 'support', -2.5, '2025-10-15', '2025-09-30']],
      },
      {
        taskId: task.t7,
        points: 2,
        deltas: [
          ['on_time', 'lead', 2, '2025-10-30', '2025-10-31'],
          ['quality_good', 'lead', 0, '2025-10-30', '2025-10-31'],
        ],
      },
    ]);
    expect(breakdown.tasks[0]?.title).toBe('完善科技金融服务');
    // An open task past its deadline follows from the calendar, not from an event.
    expect(breakdown.tasks[0]?.deltas[1]?.eventId).toBeNull();
    expect(breakdown.tasks[1]?.deltas[0]?.eventId).toMatch(/^[0-9a-f-]{36}$/);
  }, 60_000);

  it('lists every delta of one task across departments', async () => {
    const deltas = await results.taskDeltas(2025, task.t1);
    expect(deltas.map((d) => [d.departmentId, d.rule, d.role, d.points, d.date])).toEqual(
      expect.arrayContaining([
        [dept.fgw, 'on_time', 'lead', 2, '2025-06-20'],
        [dept.fgw, 'quality_excellent', 'lead', 0.5, '2025-06-20'],
        [dept.gxw, 'on_time', 'support', 1, '2025-06-20'],
        [dept.fgw, 'late_report', 'lead', -0.1, '2025-03-28'],
      ]),
    );
    expect(deltas).toHaveLength(4);
  }, 60_000);

  it('answers a what-if scheme with the new ranking and rank changes, saving nothing', async () => {
    const scheme = {
      year: 2025,
      method: 'points',
      counts: { onTime: true, overdue: true, lateReport: true, missedReport: true, quality: true },
      points: {
        base: 80,
        cap: 100,
        floor: 0,
        onTime: { lead: 2, support: 3 },
        overdue: { lead: -5, support: -2.5 },
        lateReport: -0.1,
        missedReport: -0.5,
        quality: { appliesTo: ['lead'], ratings: { excellent: 0, good: 0, fair: 0, poor: -1 } },
      },
    };
    const deltasBefore = await db.dataSource.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM ${STORED_DELTAS_SQL}`,
    );
    const whatIf = await results.whatIf(2025, scheme);
    // 统计局 80+2+3 = 85; 发展改革委 80+2+0+3−0.1 = 84.90; 商务局 83; 工信委 80+3−5+2−0.5 = 79.50; 科技局 74.
    expect(
      whatIf.departments.map((d) => [d.departmentId, d.score, d.rank, d.rankBefore, d.rankChange]),
    ).toEqual([
      [dept.tjj, 85, 1, 2, 1],
      [dept.fgw, 84.9, 2, 1, -1],
      [dept.swj, 83, 3, 2, -1],
      [dept.gxw, 79.5, 4, 4, 0],
      [dept.kjj, 74, 5, 5, 0],
      [dept.jyj, null, null, null, null],
    ]);
    expect(whatIf.comparedWith).toBe('stored-run');
    expect((await results.ranking(2025)).runId).toBe(firstRun.runId);
    expect(
      await db.dataSource.query(`SELECT count(*)::int AS count FROM ${STORED_DELTAS_SQL}`),
    ).toEqual(deltasBefore);
  }, 60_000);

  it('refuses an invalid what-if scheme, naming the field', async () => {
    const valid = {
      year: 2025,
      method: 'points',
      counts: { onTime: true, overdue: true, lateReport: true, missedReport: true, quality: true },
      points: {
        base: 80,
        cap: 100,
        floor: 0,
        onTime: { lead: 2, support: 1 },
        overdue: { lead: -5, support: -2.5 },
        lateReport: -0.1,
        missedReport: -0.5,
        quality: { appliesTo: ['lead'], ratings: { excellent: 0.5, good: 0, fair: 0, poor: -1 } },
      },
    };
    const issuesOf = async (scheme: unknown): Promise<string[]> => {
      const error: unknown = await results.whatIf(2025, scheme).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidSchemeError);
      return (error as InvalidSchemeError).issues.map((issue) => issue.path);
    };
    expect(await issuesOf({ ...valid, points: { ...valid.points, cap: -1 } })).toEqual([
      'points.cap',
    ]);
    expect(await issuesOf({ ...valid, method: 'ranking' })).toEqual(['method']);
    const withoutBase: Partial<typeof valid.points> = { ...valid.points };
    delete withoutBase.base;
    expect(await issuesOf({ ...valid, points: withoutBase })).toEqual(['points.base']);
    await expect(results.whatIf(2025, { ...valid, year: 2026 })).rejects.toThrow(
      InvalidAssessmentRequestError,
    );
  }, 60_000);

  it('refuses a year with no scheme, an invalid scheme file and a malformed year', async () => {
    await expect(runs.requestRun(2031)).rejects.toThrow(SchemeNotFoundError);
    const invalid: unknown = await runs.requestRun(2024).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(InvalidSchemeError);
    expect((invalid as InvalidSchemeError).issues.map((i) => i.path)).toEqual(['points.cap']);
    await expect(runs.requestRun('20x5')).rejects.toThrow(InvalidYearError);
    const [{ count }] = await db.dataSource.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM assessment_runs WHERE year <> 2025`,
    );
    expect(count).toBe(0);
  }, 60_000);

  it('builds the xlsx workbook and the HTML report from the stored run', async () => {
    const xlsx = await reports.requestReport(2025, 'xlsx');
    const html = await reports.requestReport(2025, 'html');
    for (const report of [xlsx, html]) {
      await pollUntil(async () => (await reports.getReport(report.reportId)).state === 'ready', {
        timeoutMs: 30_000,
        what: `${report.format} report ready`,
      });
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reports.download(xlsx.reportId)).content as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '排名 Ranking',
      expect.stringMatching(/^1 市发展改革委$/),
      expect.stringMatching(/^2 市/),
      expect.stringMatching(/^2 市/),
      '4 市工信委',
      '5 市科技局',
      expect.stringMatching(/^— 市教育局<script>alert\("x"\)<_scrip$/),
      '考核方案 Scheme',
    ]);
    const rankingSheet = workbook.getWorksheet('排名 Ranking');
    expect(rankingSheet?.getRow(2).values).toEqual([
      undefined,
      1,
      '市发展改革委',
      83.4,
      '参加考核',
      '1 市发展改革委',
    ]);
    const kjj = workbook.getWorksheet('5 市科技局');
    const kjjPoints: number[] = [];
    kjj?.eachRow((row, index) => {
      const points = row.getCell(8).value;
      if (index > 3 && typeof points === 'number' && row.getCell(2).value !== '合计 Total') {
        kjjPoints.push(points);
      }
    });
    expect(kjjPoints.reduce((sum, p) => sum + p, 80)).toBeCloseTo(74, 6);

    const file = await reports.download(html.reportId);
    const page = file.content.toString('utf8');
    expect(file.contentType).toBe('text/html; charset=utf-8');
    expect(page).toContain('<svg');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page).not.toContain('<script');
    expect(page).not.toMatch(/(src|href)=["']?https?:/);
    expect(page.match(/<rect /g)).toHaveLength(5);
  }, 60_000);

  it('replaces the stored results of a year in one transaction when it runs again', async () => {
    // 科技局 finally completes T3 (late, 优): overdue −5 becomes completed late −5 and +0.5.
    await emit([completed(task.t3, '2026-01-10', 'excellent')], approve(task.t3));
    const snapshots: string[][] = [];
    let reading = true;
    const reader = (async () => {
      while (reading) {
        const rows = await db.dataSource.query<{ run_id: string }[]>(
          `SELECT DISTINCT run_id FROM assessment_results WHERE year = 2025`,
        );
        snapshots.push(rows.map((row) => row.run_id));
      }
    })();
    const second = await waitForRun((await runs.requestRun(2025, { asOf: AS_OF })).runId);
    reading = false;
    await reader;
    expect(second.state).toBe('succeeded');
    // Every read saw exactly one run's results: the old ones or the new ones, never a mixture.
    expect(snapshots.every((runIds) => runIds.length === 1)).toBe(true);

    const ranking = await results.ranking(2025);
    expect(ranking.runId).toBe(second.runId);
    expect(ranking.departments.find((d) => d.departmentId === dept.kjj)?.score).toBe(74.5);
    const [{ orphans }] = await db.dataSource.query<[{ orphans: number }]>(
      `SELECT count(*)::int AS orphans FROM assessment_results WHERE run_id = $1`,
      [firstRun.runId],
    );
    expect(orphans).toBe(0);
    const [{ deltas }] = await db.dataSource.query<[{ deltas: number }]>(
      `SELECT count(*)::int AS deltas FROM ${STORED_DELTAS_SQL}`,
    );
    expect(deltas).toBe(second.deltaCount);
  }, 60_000);

  it('lets one of two concurrent runs of a year through and refuses the other with a conflict', async () => {
    const attempts = await Promise.allSettled([
      runs.requestRun(2025, { asOf: AS_OF }),
      runs.requestRun(2025, { asOf: AS_OF }),
    ]);
    const accepted = attempts.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
    const refused = attempts.flatMap((a) => (a.status === 'rejected' ? [a.reason as unknown] : []));
    expect(accepted).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(AssessmentRunConflictError);
    const run = accepted[0];
    expect((await waitForRun(run.runId)).state).toBe('succeeded');
    // Once it finished, the year can be run again.
    const next = await runs.requestRun(2025, { asOf: AS_OF });
    expect((await waitForRun(next.runId)).state).toBe('succeeded');
  }, 60_000);
});
