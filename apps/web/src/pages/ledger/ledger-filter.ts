/**
 * The ledger's filter, kept in the address so a link (from the board, in a mail) opens the same
 * list and the export writes the same rows. Parse and serialize are inverse on valid filters;
 * anything malformed is dropped rather than sent to the api to be refused.
 */

export const TASK_STATUSES = ['open', 'completion_pending', 'completed', 'cancelled'] as const;
export const LIGHTS = ['red', 'yellow', 'green'] as const;
export const ROLES = ['lead', 'support'] as const;

export interface LedgerFilter {
  planId?: string;
  departmentId?: string;
  /** Only with a department: the tasks it leads / supports. */
  role?: (typeof ROLES)[number];
  status?: (typeof TASK_STATUSES)[number];
  light?: (typeof LIGHTS)[number];
  /** YYYY-MM-DD, inclusive. */
  deadlineFrom?: string;
  deadlineTo?: string;
  q?: string;
  /** 只看逾期: open tasks past their deadline. */
  overdue?: boolean;
}

/** The order the keys are written in, so one filter always gives one address. */
const KEYS = [
  'planId',
  'departmentId',
  'role',
  'status',
  'light',
  'deadlineFrom',
  'deadlineTo',
  'q',
  'overdue',
] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((candidate) => candidate === value);
}

const uuid = (value: string | null) => (value && UUID.test(value) ? value : undefined);
const date = (value: string | null) => (value && DATE.test(value) ? value : undefined);

/** The filter an address asks for. */
export function parseLedgerFilter(search: URLSearchParams): LedgerFilter {
  const departmentId = uuid(search.get('departmentId'));
  const q = search.get('q')?.trim().slice(0, 200);
  const filter: LedgerFilter = {
    planId: uuid(search.get('planId')),
    departmentId,
    // The api refuses a role without a department; the address cannot ask for one.
    role: departmentId ? oneOf(ROLES, search.get('role')) : undefined,
    status: oneOf(TASK_STATUSES, search.get('status')),
    light: oneOf(LIGHTS, search.get('light')),
    deadlineFrom: date(search.get('deadlineFrom')),
    deadlineTo: date(search.get('deadlineTo')),
    q: q || undefined,
    overdue: search.get('overdue') === 'true' ? true : undefined,
  };
  return withoutEmpty(filter);
}

/** The address's query for a filter: only what is set, in a fixed order; '' for no filter. */
export function serializeLedgerFilter(filter: LedgerFilter): string {
  const params = new URLSearchParams();
  const clean = withoutEmpty({ ...filter, role: filter.departmentId ? filter.role : undefined });
  for (const key of KEYS) {
    const value = clean[key];
    if (value !== undefined) {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A filter changed in one field; clearing the department clears its role too. */
export function changeFilter<K extends keyof LedgerFilter>(
  filter: LedgerFilter,
  key: K,
  value: LedgerFilter[K] | null,
): LedgerFilter {
  const next: LedgerFilter = { ...filter, [key]: value ?? undefined };
  if (key === 'departmentId' && !next.departmentId) {
    next.role = undefined;
  }
  return withoutEmpty(next);
}

/** Where the export of this filter downloads from. */
export function exportPath(filter: LedgerFilter, format: 'csv' | 'xlsx'): string {
  return `/api/v1/tasks/ledger.${format}${serializeLedgerFilter(filter)}`;
}

function withoutEmpty(filter: LedgerFilter): LedgerFilter {
  return Object.fromEntries(
    Object.entries(filter).filter(
      ([, value]) => value !== undefined && value !== '' && value !== false,
    ),
  );
}
