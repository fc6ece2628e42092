import type { DraftTask, ImportDraft } from './import-draft.types';
import { warningInChinese, warningsPerTask } from './parser-warnings';

const task = (over: Partial<DraftTask>): DraftTask => ({
  number: '一',
  parentNumber: null,
  level: 1,
  title: '任务',
  body: '',
  include: true,
  deadline: null,
  lead: ['市发展改革委'],
  support: [],
  warnings: [],
  span: null,
  ...over,
});

const mapped = { departmentId: 'd1', method: 'exact' as const, suggestions: [], remember: false };

describe('parser warnings', () => {
  it('translates the parser warnings the office sees', () => {
    expect(warningInChinese('The deadline "3月底前" could not be turned into a date.')).toBe(
      '完成时限“3月底前”未能换算为日期，请填写',
    );
    expect(warningInChinese('No lead department was found; assign one in review.')).toBe(
      '未找到牵头单位，请指定',
    );
    expect(warningInChinese('something new')).toBe('something new');
  });

  it('puts each warning on its task, the plan-wide "no year" on dateless deadlines, and review gaps', () => {
    const draft: ImportDraft = {
      title: null,
      docNumber: null,
      warnings: ['The plan names no year; month-only deadlines are left unresolved.', 'Odd layout'],
      departments: {
        市发展改革委: { written: '市发展改革委', ...mapped },
        工信委: {
          written: '工信委',
          departmentId: null,
          method: 'unresolved',
          suggestions: [],
          remember: false,
        },
      },
      tasks: [
        task({
          number: '一',
          lead: [],
          warnings: ['No lead department was found; assign one in review.'],
        }),
        task({
          number: '二',
          support: ['工信委'],
          deadline: { phrase: '6月底前', date: null, recurrence: 'none' },
        }),
        task({ number: '三', include: false, lead: [] }),
        task({ number: '四' }),
      ],
    };
    const { byTask, plan } = warningsPerTask(draft);
    expect(byTask.get('一')).toEqual(['未找到牵头单位，请指定']);
    expect(byTask.get('二')).toEqual([
      '方案未写明年份，只有月份的时限未能换算为日期',
      '尚未对应到部门：工信委',
    ]);
    // A dropped item asks nothing of the office; a clean task has no entry.
    expect(byTask.has('三')).toBe(false);
    expect(byTask.has('四')).toBe(false);
    expect(plan).toEqual(['Odd layout']);
  });
});
