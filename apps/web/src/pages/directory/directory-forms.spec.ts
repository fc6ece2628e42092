/** @jest-environment node */
import {
  cleanList,
  type Department,
  departmentChange,
  directoryTabOf,
  isEmptyChange,
  type User,
  userChange,
} from './directory-forms';

const department: Department = {
  id: 'd1',
  name: '市发展改革委',
  shortNames: ['发展改革委'],
  aliases: ['市发改委'],
  emails: ['fgw@example.gov.cn'],
  kind: 'government',
  parentId: null,
};

const user: User = {
  id: 'u1',
  username: 'fgw_zhang',
  displayName: '张伟',
  role: 'department',
  departmentId: 'd1',
  active: true,
};

describe('directory forms', () => {
  it('cleans typed tags: trimmed, blanks dropped, each once', () => {
    expect(cleanList([' 市发改委 ', '', '市发改委', 'FGW@x.cn', 'fgw@x.cn', '  '])).toEqual([
      '市发改委',
      'FGW@x.cn',
    ]);
    expect(cleanList(undefined)).toEqual([]);
  });

  it('sends only the fields an edit changed', () => {
    expect(
      departmentChange(department, {
        name: ' 市发展改革委 ',
        shortNames: ['发展改革委'],
        aliases: ['市发改委', ' 发改委 '],
        emails: ['fgw@example.gov.cn'],
      }),
    ).toEqual({ aliases: ['市发改委', '发改委'] });
    expect(
      isEmptyChange(
        departmentChange(department, {
          name: '市发展改革委',
          shortNames: ['发展改革委'],
          aliases: ['市发改委'],
          emails: ['fgw@example.gov.cn'],
        }),
      ),
    ).toBe(true);
    expect(
      departmentChange(department, { name: '市发展和改革委员会', emails: ['a@b.cn'] }),
    ).toEqual({
      name: '市发展和改革委员会',
      shortNames: [],
      aliases: [],
      emails: ['a@b.cn'],
    });
  });

  it('drops the department when a user leaves the department role', () => {
    expect(
      userChange(user, { displayName: '张伟', role: 'supervisor', departmentId: 'd1' }),
    ).toEqual({ role: 'supervisor', departmentId: null });
    expect(
      userChange(user, { displayName: '张伟', role: 'department', departmentId: 'd2' }),
    ).toEqual({ departmentId: 'd2' });
    const supervisor: User = { ...user, role: 'supervisor', departmentId: null };
    expect(
      userChange(supervisor, { displayName: '张 伟', role: 'department', departmentId: 'd1' }),
    ).toEqual({ displayName: '张 伟', role: 'department', departmentId: 'd1' });
    expect(
      isEmptyChange(
        userChange(user, { displayName: ' 张伟', role: 'department', departmentId: 'd1' }),
      ),
    ).toBe(true);
  });

  it('opens the departments unless the users are asked for', () => {
    expect(directoryTabOf('users')).toBe('users');
    expect(directoryTabOf(null)).toBe('departments');
  });
});
