/**
 * The board's view state, kept in the address so a link shows the same board: the date it is
 * read for, how the departments' table is sorted and which page of it is open. Pure functions:
 * what the page reads from and writes to the URL, and how it orders and measures the rows.
 */

import type { components } from '../../api/schema';

export type Light = 'red' | 'yellow' | 'green';

/** The columns the departments' table sorts by. */
export const SORT_KEYS = ['name', 'open', 'red', 'yellow', 'green', 'unacknowledged'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortOrder = 'ascend' | 'descend';

export interface BoardView {
  /** YYYY-MM-DD, Beijing time. */
  asOf: string;
  /** Absent: the api's order (worst first). */
  sort?: { key: SortKey; order: SortOrder };
  /** 1-based page of the departments' table. */
  page: number;
}

/** One department's counts, as the api's board gives them. */
export type DepartmentRow = components['schemas']['DepartmentCountsDto'];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(text: string): boolean {
  if (!DATE.test(text)) {
    return false;
  }
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** The view an address asks for; anything malformed falls back to its default. */
export function parseBoardView(search: URLSearchParams, today: string): BoardView {
  const asOf = search.get('asOf');
  const key = search.get('sort');
  const order = search.get('order');
  const page = Number(search.get('page'));
  const sorted =
    (SORT_KEYS as readonly string[]).includes(key ?? '') &&
    (order === 'ascend' || order === 'descend');
  return {
    asOf: asOf && isRealDate(asOf) ? asOf : today,
    ...(sorted ? { sort: { key: key as SortKey, order: order } } : {}),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The address's query for a view, leaving out what is the default (today, api order, page 1). */
export function boardSearch(view: BoardView, today: string): string {
  const params = new URLSearchParams();
  if (view.asOf !== today) {
    params.set('asOf', view.asOf);
  }
  if (view.sort) {
    params.set('sort', view.sort.key);
    params.set('order', view.sort.order);
  }
  if (view.page > 1) {
    params.set('page', String(view.page));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const byName = (a: DepartmentRow, b: DepartmentRow) => a.name.localeCompare(b.name, 'zh-CN');

/**
 * The rows in the view's order: by the column (names in Chinese collation), ties by name so
 * the order is stable; without a sort, as the api gave them.
 */
export function sortDepartments(
  rows: readonly DepartmentRow[],
  sort: BoardView['sort'],
): DepartmentRow[] {
  if (!sort) {
    return [...rows];
  }
  const direction = sort.order === 'ascend' ? 1 : -1;
  const { key } = sort;
  return [...rows].sort((a, b) => {
    const compared = key === 'name' ? byName(a, b) : a[key] - b[key];
    return compared !== 0 ? compared * direction : byName(a, b);
  });
}

/** The worst departments for the chart: most red, then most yellow, then by name. */
export function worstDepartments(rows: readonly DepartmentRow[], count: number): DepartmentRow[] {
  return [...rows]
    .sort((a, b) => b.red - a.red || b.yellow - a.yellow || byName(a, b))
    .slice(0, count);
}

/** Each light's share of the widest bar, in percent (the bars share one scale). */
export function barSegments(
  row: DepartmentRow,
  widest: number,
): { light: Light; count: number; percent: number }[] {
  const lights: Light[] = ['red', 'yellow', 'green'];
  return lights
    .map((light) => ({
      light,
      count: row[light],
      percent: widest > 0 ? (row[light] / widest) * 100 : 0,
    }))
    .filter((segment) => segment.count > 0);
}

/** The ledger's address for one light's tasks, or one department's. */
export function ledgerLink(filter: { light?: Light; departmentId?: string }): string {
  const params = new URLSearchParams();
  if (filter.departmentId) {
    params.set('departmentId', filter.departmentId);
  }
  if (filter.light) {
    params.set('light', filter.light);
  }
  const text = params.toString();
  return text ? `/tasks?${text}` : '/tasks';
}
