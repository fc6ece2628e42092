import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import type { DubanConfig } from '@duban/config';
import { makeDepartment } from '@duban/testing';
import { AssessmentModule } from '../../../../apps/assessment/src/assessment.module';

/** The departments of the seeded 2025 and their ids. */
export interface AssessmentYear {
  a: string;
  b: string;
  c: string;
  d: string;
}

/**
 * A year of facts for config/assessment/2025.yaml, written as the assessment's event handlers
 * would (as tests/e2e/assessment-api.e2e-spec.ts does), with the tasks they name:
 * - 市发展改革委 leads T1, approved on time with 优: 80 + 2 + 0.5 = 82.50 (1st);
 * - 市教育局 leads T3, approved on time with 良, one report late: 80 + 2 + 0 − 0.1 = 81.90 (2nd);
 * - 市工信委 leads T2, open past its deadline, supports T1: 80 − 5 + 1 = 76.00 (3rd);
 * - 市民政局 has no task: not assessed.
 * A what-if with 良 worth 1 point puts 市教育局 (82.90) above 市发展改革委.
 */
export async function seedAssessmentYear(ds: DataSource): Promise<AssessmentYear> {
  const [a, b, c, d] = await Promise.all(
    ['市发展改革委', '市工信委', '市教育局', '市民政局'].map((name) =>
      makeDepartment(ds, { name }),
    ),
  );
  const [t1, t2, t3] = [randomUUID(), randomUUID(), randomUUID()];
  const plan = randomUUID();
  await ds.query(
    `INSERT INTO plans (id, title, source_text, source_hash, status)
     VALUES ($1, '2025年重点工作任务', '', repeat('a', 64), 'active')`,
    [plan],
  );
  await ds.query(
    `INSERT INTO tasks (id, plan_id, number_path, level, title, deadline, status)
     VALUES ($1, $4, '1', 1, '推进重大项目开工建设', '2025-06-30', 'completed'),
            ($2, $4, '2', 1, '完成中小企业数字化改造', '2025-05-31', 'open'),
            ($3, $4, '3', 1, '新建改扩建中小学校', '2025-09-30', 'completed')`,
    [t1, t2, t3, plan],
  );
  await ds.query(
    `INSERT INTO assessment_task_facts (task_id, deadline)
     VALUES ($1, '2025-06-30'), ($2, '2025-05-31'), ($3, '2025-09-30')`,
    [t1, t2, t3],
  );
  await ds.query(
    `INSERT INTO assessment_assignment_facts (task_id, department_id, role, event_id)
     VALUES ($1, $4, 'lead', gen_random_uuid()), ($2, $5, 'lead', gen_random_uuid()),
            ($1, $5, 'support', gen_random_uuid()), ($3, $6, 'lead', gen_random_uuid())`,
    [t1, t2, t3, a.id, b.id, c.id],
  );
  await ds.query(
    `INSERT INTO assessment_completion_facts
       (completion_id, task_id, approved_on, rating, occurrence_year, event_id)
     VALUES (gen_random_uuid(), $1, '2025-06-01', 'excellent', 2025, gen_random_uuid()),
            (gen_random_uuid(), $2, '2025-09-01', 'good', 2025, gen_random_uuid())`,
    [t1, t3],
  );
  await ds.query(
    `INSERT INTO assessment_report_facts (event_id, task_id, department_id, period, state, due_on)
     VALUES (gen_random_uuid(), $1, $2, '2025-03', 'late', '2025-03-28')`,
    [t3, c.id],
  );
  return { a: a.id, b: b.id, c: c.id, d: d.id };
}

/** The assessment worker (runs and report files), as deployed beside the api. */
export function startAssessmentWorker(config: DubanConfig): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(AssessmentModule.forRoot(config), {
    logger: false,
  });
}
