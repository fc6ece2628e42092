/**
 * The review document of an import as the api stores it (ImportDraft in apps/api): the
 * OpenAPI schema leaves the draft untyped, so the console names the parts it reads.
 */
export interface DraftTask {
  number: string;
  parentNumber: string | null;
  level: number;
  title: string;
  body: string;
  include: boolean;
  deadline: { phrase: string | null; date: string | null; recurrence: 'none' | 'yearly' } | null;
  lead: string[];
  support: string[];
  warnings: string[];
  /** Where the item is written in the source; null for a task the office added. */
  span?: { start: number; end: number } | null;
}

export interface DraftDepartment {
  written: string;
  departmentId: string | null;
  method: 'exact' | 'alias' | 'prefix-restored' | 'traditional' | 'unresolved' | 'confirmed';
  suggestions: { id: string; name: string; score: number }[];
  remember: boolean;
}

export interface ImportDraft {
  title: string | null;
  docNumber: string | null;
  tasks: DraftTask[];
  departments: Record<string, DraftDepartment>;
  warnings: string[];
}

export interface ImportSummary {
  id: string;
  state: 'draft' | 'committed' | 'discarded';
  rowVersion: number;
  taskCount: number;
  unresolved: string[];
  planId: string | null;
  draft: ImportDraft;
}

export const IMPORT_STATE_LABELS: Record<ImportSummary['state'], string> = {
  draft: '待审核',
  committed: '已提交',
  discarded: '已放弃',
};
