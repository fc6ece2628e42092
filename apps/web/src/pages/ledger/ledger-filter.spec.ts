import {
  changeFilter,
  exportPath,
  parseLedgerFilter,
  serializeLedgerFilter,
} from './ledger-filter';

const PLAN = '9d1c7e2f-1b2a-4c55-9a43-0e6f1c2d3b4a';
const DEPT = '5f0c1e2d-3b4a-4c55-9a43-0e6f1c2d3b4a';

describe('parseLedgerFilter', () => {
  it('reads every filter from the address', () => {
    const search = new URLSearchParams(
      `planId=${PLAN}&departmentId=${DEPT}&role=lead&status=open&light=red&deadlineFrom=2026-01-01&deadlineTo=2026-06-30&q=%E6%B0%B4%E5%88%A9&overdue=true`,
    );
    expect(parseLedgerFilter(search)).toEqual({
      planId: PLAN,
      departmentId: DEPT,
      role: 'lead',
      status: 'open',
      light: 'red',
      deadlineFrom: '2026-01-01',
      deadlineTo: '2026-06-30',
      q: '水利',
      overdue: true,
    });
  });

  it('drops what the api would refuse: a role without a department, bad ids, dates and words', () => {
    expect(
      parseLedgerFilter(
        new URLSearchParams(
          'role=lead&planId=x&status=done&light=blue&deadlineFrom=2026-1-1&q=%20%20&overdue=yes',
        ),
      ),
    ).toEqual({});
  });
});

describe('serializeLedgerFilter', () => {
  it('writes the set fields in a fixed order and reads back the same filter', () => {
    const filter = {
      overdue: true,
      departmentId: DEPT,
      light: 'yellow' as const,
      q: '新能源 汽车',
    };
    const search = serializeLedgerFilter(filter);
    expect(search).toBe(
      `?departmentId=${DEPT}&light=yellow&q=%E6%96%B0%E8%83%BD%E6%BA%90+%E6%B1%BD%E8%BD%A6&overdue=true`,
    );
    expect(parseLedgerFilter(new URLSearchParams(search))).toEqual(filter);
  });

  it('writes nothing for no filter and never a role without a department', () => {
    expect(serializeLedgerFilter({})).toBe('');
    expect(serializeLedgerFilter({ role: 'support', overdue: false })).toBe('');
  });
});

describe('changeFilter and exportPath', () => {
  it('clears the role with the department', () => {
    expect(
      changeFilter({ departmentId: DEPT, role: 'lead', light: 'red' }, 'departmentId', null),
    ).toEqual({
      light: 'red',
    });
    expect(changeFilter({ light: 'red' }, 'light', null)).toEqual({});
  });

  it('exports the same filter the list shows', () => {
    expect(exportPath({ status: 'open', departmentId: DEPT, role: 'support' }, 'csv')).toBe(
      `/api/v1/tasks/ledger.csv?departmentId=${DEPT}&role=support&status=open`,
    );
    expect(exportPath({}, 'xlsx')).toBe('/api/v1/tasks/ledger.xlsx');
  });
});
