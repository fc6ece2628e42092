import { createHash, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ExtensionRequest, Plan, Task, TaskAssignment, TaskCompletion } from '@duban/db';
import { makeDepartment } from '@duban/testing';

/** One open task led by a fresh department, in a plan of its own. */
export interface LedTask {
  taskId: string;
  number: string;
  departmentId: string;
}

export async function makeLedTask(
  dataSource: DataSource,
  title: string,
  number = '一.1',
  deadline = '2026-12-31',
): Promise<LedTask> {
  const source = `${title} ${randomUUID()}`;
  const plan = await dataSource.getRepository(Plan).save({
    title: `${title}方案`,
    sourceText: source,
    sourceHash: createHash('sha256').update(source).digest('hex'),
    status: 'active',
  });
  const task = await dataSource
    .getRepository(Task)
    .save({ planId: plan.id, numberPath: number, level: 2, title, deadline });
  const department = await makeDepartment(dataSource);
  await dataSource
    .getRepository(TaskAssignment)
    .save({ taskId: task.id, departmentId: department.id, role: 'lead' });
  return { taskId: task.id, number, departmentId: department.id };
}

/**
 * A completion declared at `declaredAt` and waiting for the office, as the department's
 * declaration leaves it (the time set so a queue's order can be checked).
 */
export async function declareCompletion(
  dataSource: DataSource,
  task: LedTask,
  declaredAt: Date,
  evidence = '已按期完成，验收报告见附件。',
): Promise<string> {
  const completion = await dataSource
    .getRepository(TaskCompletion)
    .save({ taskId: task.taskId, departmentId: task.departmentId, evidence, declaredAt });
  await dataSource.getRepository(Task).update(task.taskId, { status: 'completion_pending' });
  return completion.id;
}

export async function requestExtension(
  dataSource: DataSource,
  task: LedTask,
  createdAt: Date,
  requestedDeadline = '2027-03-31',
): Promise<string> {
  const request = await dataSource.getRepository(ExtensionRequest).save({
    taskId: task.taskId,
    departmentId: task.departmentId,
    previousDeadline: '2026-12-31',
    requestedDeadline,
    reason: '受用地审批影响，工期顺延。',
    progress: '主体工程已完成七成。',
    createdAt,
  });
  return request.id;
}
