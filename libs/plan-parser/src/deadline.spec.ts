import { findDeadline, readLabelledDeadline, resolveDate } from './deadline';

describe('findDeadline', () => {
  it.each([
    ['到2020年,力争产值达到80亿元', '到2020年', '2020-12-31', null],
    ['2020年底前完成改造', '2020年底前', '2020-12-31', null],
    ['2024年6月底前完成试点方案编制', '2024年6月底前', '2024-06-30', null],
    ['2024年3月15日前报送', '2024年3月15日前', '2024-03-15', null],
    ['到“十三五”末,三大产业成为千亿级产业', '到“十三五”末', '2020-12-31', null],
    ['到“十四五”末完成改造', '到“十四五”末', '2025-12-31', null],
    ['每年安排20个重大科技专项项目', '每年', null, 'yearly'],
    ['每季度通报1次', '每季度', null, 'quarterly'],
  ])('%s -> %s', (text, phrase, date, recurrence) => {
    const hit = findDeadline(text, null);

    expect(hit && (hit.phrase ?? text.slice(hit.start, hit.end))).toBe(phrase);
    expect(hit?.deadline).toEqual({ date, recurrence });
  });

  it('reports 每年度 as 每年', () => {
    expect(findDeadline('每年度按照目录组织开展引进工作', null)?.phrase).toBe('每年');
  });

  it('takes the year of 6月底前 from the context', () => {
    expect(findDeadline('6月底前完成', 2024)?.deadline.date).toBe('2024-06-30');
    expect(findDeadline('6月底前完成', null)?.deadline.date).toBeNull();
  });

  it('does not read plan names and ranges as deadlines', () => {
    expect(findDeadline('争取纳入省“十二五”规划', null)).toBeNull();
    expect(findDeadline('三年行动计划(2018-2020年)', null)).toBeNull();
    expect(findDeadline('2018年以来产业规模扩大', null)).toBeNull();
  });

  it('takes the earliest phrase', () => {
    const text = '每年遴选20家企业,到2025年累计100家';
    const hit = findDeadline(text, null);

    expect(hit && text.slice(hit.start, hit.end)).toBe('每年');
    expect(hit?.deadline.recurrence).toBe('yearly');
  });
});

describe('readLabelledDeadline', () => {
  it('reads ongoing work', () => {
    expect(readLabelledDeadline('长期坚持', 2024)).toEqual({ date: null, recurrence: 'ongoing' });
  });

  it('reads a year-end phrase written as 年年底前', () => {
    expect(readLabelledDeadline('2024年年底前', null)).toEqual({
      date: '2024-12-31',
      recurrence: null,
    });
  });
});

describe('resolveDate', () => {
  it('knows month lengths, leap years included', () => {
    expect(resolveDate(2024, '2', undefined, '底')).toBe('2024-02-29');
    expect(resolveDate(2023, '2', undefined, '底')).toBe('2023-02-28');
    expect(resolveDate(2024, undefined, undefined, '上半年')).toBe('2024-06-30');
  });
});
