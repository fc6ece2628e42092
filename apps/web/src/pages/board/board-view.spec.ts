import {
  barSegments,
  boardSearch,
  type DepartmentRow,
  ledgerLink,
  parseBoardView,
  sortDepartments,
  worstDepartments,
} from './board-view';

const TODAY = '2026-03-02';
const row = (
  name: string,
  red: number,
  yellow: number,
  green: number,
  unack = 0,
): DepartmentRow => ({
  departmentId: `id-${name}`,
  name,
  open: red + yellow + green,
  red,
  yellow,
  green,
  unacknowledged: unack,
});

describe('parseBoardView and boardSearch', () => {
  it('reads the date, the sort and the page from the address', () => {
    expect(
      parseBoardView(new URLSearchParams('asOf=2026-02-25&sort=name&order=ascend&page=3'), TODAY),
    ).toEqual({ asOf: '2026-02-25', sort: { key: 'name', order: 'ascend' }, page: 3 });
  });

  it('falls back to today, the api order and page 1 for what is missing or malformed', () => {
    expect(
      parseBoardView(new URLSearchParams('asOf=2026-02-30&sort=title&order=ascend&page=-2'), TODAY),
    ).toEqual({ asOf: TODAY, page: 1 });
    expect(parseBoardView(new URLSearchParams('sort=red'), TODAY)).toEqual({
      asOf: TODAY,
      page: 1,
    });
  });

  it('writes only what differs from the default, and reads back what it wrote', () => {
    expect(boardSearch({ asOf: TODAY, page: 1 }, TODAY)).toBe('');
    const view = { asOf: '2026-01-05', sort: { key: 'red', order: 'descend' }, page: 2 } as const;
    const search = boardSearch(view, TODAY);
    expect(search).toBe('?asOf=2026-01-05&sort=red&order=descend&page=2');
    expect(parseBoardView(new URLSearchParams(search), TODAY)).toEqual(view);
  });
});

describe('sortDepartments', () => {
  const rows = [row('市科技局', 1, 0, 2), row('市财政局', 3, 1, 0), row('市商务局', 1, 2, 0)];

  it('keeps the api order without a sort', () => {
    expect(sortDepartments(rows, undefined).map((r) => r.name)).toEqual([
      '市科技局',
      '市财政局',
      '市商务局',
    ]);
  });

  it('sorts names by Chinese collation (pinyin), both ways', () => {
    // cái 财, kē 科, shāng 商
    expect(sortDepartments(rows, { key: 'name', order: 'ascend' }).map((r) => r.name)).toEqual([
      '市财政局',
      '市科技局',
      '市商务局',
    ]);
    expect(sortDepartments(rows, { key: 'name', order: 'descend' }).map((r) => r.name)).toEqual([
      '市商务局',
      '市科技局',
      '市财政局',
    ]);
  });

  it('sorts counts with ties by name', () => {
    expect(sortDepartments(rows, { key: 'red', order: 'ascend' }).map((r) => r.name)).toEqual([
      '市科技局',
      '市商务局',
      '市财政局',
    ]);
  });
});

describe('worstDepartments, barSegments, ledgerLink', () => {
  it('picks the most red, then the most yellow', () => {
    const rows = [row('甲', 1, 5, 0), row('乙', 2, 0, 0), row('丙', 1, 6, 0), row('丁', 0, 9, 9)];
    expect(worstDepartments(rows, 3).map((r) => r.name)).toEqual(['乙', '丙', '甲']);
  });

  it('measures each light against the widest bar and leaves out empty lights', () => {
    expect(barSegments(row('甲', 1, 0, 3), 8)).toEqual([
      { light: 'red', count: 1, percent: 12.5 },
      { light: 'green', count: 3, percent: 37.5 },
    ]);
  });

  it("links to the ledger's filters", () => {
    expect(ledgerLink({ light: 'red' })).toBe('/tasks?light=red');
    expect(ledgerLink({ departmentId: 'd1' })).toBe('/tasks?departmentId=d1');
    expect(ledgerLink({})).toBe('/tasks');
  });
});
