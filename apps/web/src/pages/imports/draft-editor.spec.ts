import {
  addTaskBody,
  formOf,
  includeBody,
  resolveBody,
  splitNames,
  taskEditBody,
} from './draft-editor';
import type { DraftTask } from './import-draft.types';

const task: DraftTask = {
  number: '二.(一)',
  parentNumber: null,
  level: 2,
  title: '加快新能源汽车产业发展',
  body: '……',
  include: true,
  deadline: { phrase: '2026年底前', date: '2026-12-31', recurrence: 'none' },
  lead: ['市发展改革委'],
  support: ['市科技局', '工信委'],
  warnings: [],
  span: { start: 10, end: 40 },
};

describe('draft-editor', () => {
  it('splits typed names on 、，, ; and spaces, dropping blanks and repeats', () => {
    expect(splitNames(' 市科技局、 工信委，市科技局;市财政局  市审计局,')).toEqual([
      '市科技局',
      '工信委',
      '市财政局',
      '市审计局',
    ]);
    expect(splitNames('  ')).toEqual([]);
  });

  it('sends nothing for a row saved unchanged', () => {
    expect(taskEditBody(task, formOf(task), 3)).toBeNull();
  });

  it('sends only the fields that changed, with the rowVersion', () => {
    const form = { ...formOf(task), deadline: '2027-06-30', support: '工信委、市科技局' };
    expect(taskEditBody(task, form, 3)).toEqual({
      rowVersion: 3,
      tasks: [{ number: '二.(一)', deadline: '2027-06-30', support: ['工信委', '市科技局'] }],
    });
  });

  it('clears a deadline with null, keeps a blank title as it was, and drops lead names from support', () => {
    const form = {
      title: '  ',
      deadline: '',
      lead: '市发展改革委、市科技局',
      support: '市科技局、工信委',
    };
    expect(taskEditBody(task, form, 7)).toEqual({
      rowVersion: 7,
      tasks: [
        {
          number: '二.(一)',
          deadline: null,
          lead: ['市发展改革委', '市科技局'],
          support: ['工信委'],
        },
      ],
    });
  });

  it('drops and restores an item', () => {
    expect(includeBody(task, false, 2)).toEqual({
      rowVersion: 2,
      tasks: [{ number: '二.(一)', include: false }],
    });
  });

  it('adds a task with its names split and no empty support', () => {
    expect(
      addTaskBody({ title: ' 建立项目库 ', deadline: '', lead: '市科技局', support: '' }, 4),
    ).toEqual({
      rowVersion: 4,
      add: [{ title: '建立项目库', deadline: null, lead: ['市科技局'] }],
    });
    expect(
      addTaskBody({ title: '建库', deadline: '2026-12-31', lead: '甲、乙', support: '乙、丙' }, 4),
    ).toEqual({
      rowVersion: 4,
      add: [{ title: '建库', deadline: '2026-12-31', lead: ['甲', '乙'], support: ['丙'] }],
    });
  });

  it('maps a written name to a department, remembering it as an alias when asked', () => {
    expect(resolveBody('工信委', 'dep-1', true, 5)).toEqual({
      rowVersion: 5,
      resolve: [{ written: '工信委', departmentId: 'dep-1', remember: true }],
    });
  });
});
