import { findTargets } from './target';

function targetsOf(text: string, year: number | null = null) {
  return findTargets(text, 0, text.length, (s, e) => text.slice(s, e), year);
}

describe('findTargets', () => {
  it('copies the whole clause and reads its parts', () => {
    expect(targetsOf('到2020年,力争工业总产值达到80亿元。')).toEqual([
      {
        phrase: '力争工业总产值达到80亿元',
        indicator: '工业总产值',
        value: 80,
        valueMax: null,
        unit: '亿元',
        comparator: '>=',
        year: null,
      },
    ]);
  });

  it('keeps a deadline written inside the clause and takes its year', () => {
    const [target] = targetsOf('到2020年产值达到300亿元以上,形成产业链。');

    expect(target).toMatchObject({
      phrase: '到2020年产值达到300亿元以上',
      value: 300,
      year: 2020,
      comparator: '>=',
    });
  });

  it('reads ranges and percentages', () => {
    expect(targetsOf('重点打造3-5条战略新兴产业链')[0]).toMatchObject({
      value: 3,
      valueMax: 5,
      unit: '条',
      comparator: 'range',
    });
    expect(targetsOf('研发投入比重达到2.2%')[0]).toMatchObject({ value: 2.2, unit: '%' });
  });

  it('counts 千亿级 as a target', () => {
    expect(targetsOf('三大产业成为千亿级产业')[0]).toMatchObject({
      value: 100_000_000_000,
      unit: '元',
    });
  });

  it('leaves out subsidies, thresholds and project names', () => {
    expect(targetsOf('给予一次性奖励补助50万元')).toEqual([]);
    expect(targetsOf('对总投资10亿元及以上独立项目给予支持')).toEqual([]);
    expect(targetsOf('加快推进2000吨高性能钕铁硼永磁材料项目建设')).toEqual([]);
    expect(targetsOf('大力实施3315计划')).toEqual([]);
  });
});
