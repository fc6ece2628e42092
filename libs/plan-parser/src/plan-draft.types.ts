/** A span of the source text, as UTF-16 offsets into the decoded document. */
export interface SourceSpan {
  start: number;
  end: number;
}

export type Recurrence = 'yearly' | 'half-yearly' | 'quarterly' | 'monthly' | 'ongoing';

export interface Deadline {
  /** The phrase as written in the plan, e.g. 到2020年, 2024年6月底前; recurring items read 每年. */
  phrase: string;
  /** The last day the task may be finished, a calendar day in Asia/Shanghai (YYYY-MM-DD), or null. */
  date: string | null;
  recurrence: Recurrence | null;
}

export type TargetComparator = '>=' | '>' | '<=' | '=' | '~' | 'range';

export interface QuantitativeTarget {
  /** The clause as written, e.g. 力争工业总产值达到80亿元. */
  phrase: string;
  /** What is measured, e.g. 工业总产值; empty when the clause does not name it. */
  indicator: string;
  value: number;
  /** Upper bound of a range such as 3-5个; null otherwise. */
  valueMax: number | null;
  unit: string;
  comparator: TargetComparator;
  /** The year the target is due, when the clause or the task says so. */
  year: number | null;
}

export type LeadRule = 'explicit' | 'first-listed' | 'none';

export interface PlanTask {
  /** Heading path, e.g. 三.(一).2 */
  number: string;
  path: string[];
  /** Depth in the plan's outline, 1 for 一、 sections. */
  level: number;
  title: string;
  body: string;
  lead: string[];
  support: string[];
  leadRule: LeadRule;
  deadline: Deadline | null;
  targets: QuantitativeTarget[];
  span: SourceSpan;
  warnings: string[];
  children: PlanTask[];
}

export interface PlanDraft {
  title: string | null;
  docNumber: string | null;
  issuer: string | null;
  /** YYYY-MM-DD */
  issueDate: string | null;
  /** Quantitative goals of the plan as a whole (主要目标, 发展目标, 总体要求). */
  goals: QuantitativeTarget[];
  /** Top-level tasks; a task's children are the tasks inside it. */
  tasks: PlanTask[];
  warnings: string[];
}
