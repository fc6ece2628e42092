import type { components } from '../../api/schema';
import type { DraftTask } from './import-draft.types';

/** The body of PATCH /plan-imports/:id, as the api's OpenAPI document describes it. */
export type EditBody = components['schemas']['EditImportDto'];

/** What the office typed into a task's row: names as one line, the deadline as YYYY-MM-DD or blank. */
export interface TaskForm {
  title: string;
  deadline: string;
  lead: string;
  support: string;
}

/** Names typed in one field, split the ways an office separates them (、，, ; and spaces). */
export function splitNames(typed: string): string[] {
  const names = typed
    .split(/[、，,；;\s]+/)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  return [...new Set(names)];
}

export function joinNames(names: readonly string[]): string {
  return names.join('、');
}

/** The form a task's row starts from. */
export function formOf(task: DraftTask): TaskForm {
  return {
    title: task.title,
    deadline: task.deadline?.date ?? '',
    lead: joinNames(task.lead),
    support: joinNames(task.support),
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((name, i) => name === b[i]);

/**
 * The PATCH body for a row the office edited: only the fields that differ from the draft, so a
 * save does not overwrite what it did not touch; null when nothing changed.
 */
export function taskEditBody(task: DraftTask, form: TaskForm, rowVersion: number): EditBody | null {
  const change: NonNullable<EditBody['tasks']>[number] = { number: task.number };
  const title = form.title.trim();
  if (title && title !== task.title) {
    change.title = title;
  }
  const deadline = form.deadline.trim() || null;
  if (deadline !== (task.deadline?.date ?? null)) {
    change.deadline = deadline;
  }
  const lead = splitNames(form.lead);
  if (!sameList(lead, task.lead)) {
    change.lead = lead;
  }
  const support = splitNames(form.support).filter((name) => !lead.includes(name));
  if (!sameList(support, task.support)) {
    change.support = support;
  }
  return Object.keys(change).length > 1 ? { rowVersion, tasks: [change] } : null;
}

/** Keeps or drops an item from the ledger. */
export function includeBody(task: DraftTask, include: boolean, rowVersion: number): EditBody {
  return { rowVersion, tasks: [{ number: task.number, include }] };
}

/** A task the parser missed; the api numbers it 补充.N. */
export function addTaskBody(form: TaskForm, rowVersion: number): EditBody {
  const lead = splitNames(form.lead);
  const support = splitNames(form.support).filter((name) => !lead.includes(name));
  return {
    rowVersion,
    add: [
      {
        title: form.title.trim(),
        deadline: form.deadline.trim() || null,
        lead,
        ...(support.length ? { support } : {}),
      },
    ],
  };
}

/** Maps a name as written to a department; `remember` makes it an alias when the plan is committed. */
export function resolveBody(
  written: string,
  departmentId: string,
  remember: boolean,
  rowVersion: number,
): EditBody {
  return { rowVersion, resolve: [{ written, departmentId, remember }] };
}
