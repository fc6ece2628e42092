import { isDepartmentLike, jurisdictionPrefix, takesElidedPrefix } from './department-name';
import { dominantPrefix, restorePrefixes, WrittenName } from './department-prefix';

const written = (...names: string[]): WrittenName[] => names.map((n) => ({ key: n, source: n }));

describe('jurisdictionPrefix', () => {
  it.each([
    ['市发展改革委', '市'],
    ['兵团工信委', '兵团'],
    ['自治区科技厅', '自治区'],
    ['县乡村振兴局', '县'],
    ['市市场监管局', '市'],
    ['市场监管局', null],
    ['工信委', null],
    ['乡村振兴局', null],
  ])('%s -> %s', (name, prefix) => {
    expect(jurisdictionPrefix(name)).toBe(prefix);
  });
});

describe('takesElidedPrefix', () => {
  it.each([
    ['工信委', true],
    ['商务局(旅游局)', true],
    ['信息中心', true],
    ['市场监管局', true],
    ['石河子大学', false],
    ['农垦科学院', false],
    ['各师市', false],
    ['相关部门', false],
    ['柳东新区管委会', false],
    ['街道办事处', false],
    ['国网江州供电公司', false],
  ])('%s -> %s', (name, expected) => {
    expect(takesElidedPrefix(name)).toBe(expected);
  });
});

describe('isDepartmentLike', () => {
  it.each([
    ['各相关行业主管部门', true],
    ['各县(市、区)政府', true],
    ['市质监局', true],
    ['轻钢结构', false],
    ['PC', false],
    ['2018-2020年', false],
    ['以下简称领导小组', false],
  ])('%s -> %s', (name, expected) => {
    expect(isDepartmentLike(name)).toBe(expected);
  });
});

describe('restorePrefixes', () => {
  it('carries the written prefix to the names after it', () => {
    expect(restorePrefixes(written('市发展改革委', '工信委', '相关部门'), null)).toEqual([
      '市发展改革委',
      '市工信委',
      '相关部门',
    ]);
  });

  it('carries 兵团 over 市场监管局 and on to the next name', () => {
    expect(
      restorePrefixes(written('兵团科技局', '市场监管局', '教育局', '石河子大学'), null),
    ).toEqual(['兵团科技局', '兵团市场监管局', '兵团教育局', '石河子大学']);
  });

  it('gives a bare first name the document prefix', () => {
    expect(
      restorePrefixes(written('投资促进局', '各园区管委会'), { key: '市', source: '市' }),
    ).toEqual(['市投资促进局', '各园区管委会']);
  });
});

describe('dominantPrefix', () => {
  it('is the prefix most names carry', () => {
    expect(dominantPrefix(written('市科技局', '市财政局', '兵团工信委', '工信委'))?.key).toBe('市');
  });

  it('is null when names rarely carry one', () => {
    expect(dominantPrefix(written('科技局', '财政局', '市发改委'))).toBeNull();
  });
});
