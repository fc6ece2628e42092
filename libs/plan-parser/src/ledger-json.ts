import { PlanDraft, PlanTask } from './plan-draft.types';

/** One task as the office's ledger files and the scorer read it. */
export interface LedgerTaskJson {
  number: string;
  title: string;
  lead: string[];
  support: string[];
  deadline: string | null;
  targets: string[];
}

export interface LedgerJson {
  source: string;
  title: string | null;
  doc_number: string | null;
  tasks: LedgerTaskJson[];
}

/** Every task of the draft in document order, tree flattened. */
export function flattenTasks(draft: PlanDraft): PlanTask[] {
  const out: PlanTask[] = [];
  const walk = (tasks: PlanTask[]): void => {
    for (const task of tasks) {
      out.push(task);
      walk(task.children);
    }
  };
  walk(draft.tasks);
  return out;
}

/** The ledger in the hand-made truth files' format. */
export function toLedgerJson(draft: PlanDraft, source: string): LedgerJson {
  return {
    source,
    title: draft.title,
    doc_number: draft.docNumber,
    tasks: flattenTasks(draft).map((task) => ({
      number: task.number,
      title: task.title,
      lead: task.lead,
      support: task.support,
      deadline: task.deadline?.phrase ?? null,
      targets: task.targets.map((t) => t.phrase),
    })),
  };
}
