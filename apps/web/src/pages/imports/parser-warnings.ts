import type { ImportDraft } from './import-draft.types';

/** The parser's warnings (English, for logs) in the office's words; unknown ones pass through. */
export function warningInChinese(warning: string): string {
  const deadline = /The deadline "(.+)" could not be turned into a date/.exec(warning);
  if (deadline) {
    return `完成时限“${deadline[1]}”未能换算为日期，请填写`;
  }
  if (/No lead department was found/.test(warning)) {
    return '未找到牵头单位，请指定';
  }
  if (/Several responsibility notes were merged/.test(warning)) {
    return '多处责任分工说明已合并到本任务，请核对牵头与配合单位';
  }
  if (/names no year/.test(warning)) {
    return '方案未写明年份，只有月份的时限未能换算为日期';
  }
  return warning;
}

export interface DraftWarnings {
  /** Task number → what to check in that task, in Chinese. */
  byTask: Map<string, string[]>;
  /** Warnings of the whole plan that no single task answers for. */
  plan: string[];
}

/**
 * Puts each warning on the task it is about: the parser's own per task; the plan's "no year"
 * on every task whose deadline phrase found no date; and what review still lacks (a kept task
 * with no lead, names not yet mapped to a department), which changes as the office edits.
 */
export function warningsPerTask(draft: ImportDraft): DraftWarnings {
  const byTask = new Map<string, string[]>();
  const add = (number: string, warning: string) => {
    const list = byTask.get(number) ?? [];
    if (!list.includes(warning)) {
      list.push(warning);
    }
    byTask.set(number, list);
  };
  const plan: string[] = [];
  const noYear = draft.warnings.some((w) => /names no year/.test(w));
  for (const task of draft.tasks) {
    for (const warning of task.warnings) {
      add(task.number, warningInChinese(warning));
    }
    if (!task.include) {
      continue;
    }
    if (noYear && task.deadline?.phrase && !task.deadline.date) {
      add(task.number, warningInChinese(draft.warnings.find((w) => /names no year/.test(w)) ?? ''));
    }
    if (task.lead.length === 0) {
      add(task.number, '未找到牵头单位，请指定');
    }
    const unmapped = [...task.lead, ...task.support].filter(
      (name) => !draft.departments[name]?.departmentId,
    );
    if (unmapped.length) {
      add(task.number, `尚未对应到部门：${unmapped.join('、')}`);
    }
  }
  for (const warning of draft.warnings) {
    if (!(noYear && /names no year/.test(warning))) {
      plan.push(warningInChinese(warning));
    }
  }
  return { byTask, plan };
}
