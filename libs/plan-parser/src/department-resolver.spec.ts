import {
  DirectoryEntry,
  normalizeDepartmentName,
  resolveDepartments,
  similarity,
  withConfirmedAlias,
} from './department-resolver';

const directory: DirectoryEntry[] = [
  { id: 'fgw', name: '市发展改革委', aliases: ['市发改委'] },
  { id: 'gxw', name: '市工信委', shortNames: ['工信委'] },
  { id: 'kjj', name: '市科技局' },
  { id: 'scjg', name: '市市场监管局' },
  { id: 'swj', name: '市商务局(旅游局)' },
  { id: 'czj', name: '市财政局' },
];

describe('resolveDepartments', () => {
  it('resolves by name, alias and short name', () => {
    const sut = resolveDepartments(['市科技局', '市发改委', '工信委'], directory);

    expect(sut.map((r) => [r.method, r.departmentId])).toEqual([
      ['exact', 'kjj'],
      ['alias', 'fgw'],
      ['alias', 'gxw'],
    ]);
  });

  it('puts back the directory prefix, width and brackets aside', () => {
    const sut = resolveDepartments(['科技局', '市场监管局', '商务局（旅游局）'], directory);

    expect(sut.map((r) => [r.method, r.departmentId])).toEqual([
      ['prefix-restored', 'kjj'],
      ['prefix-restored', 'scjg'],
      ['prefix-restored', 'swj'],
    ]);
  });

  it('resolves a traditional spelling', () => {
    const [sut] = resolveDepartments(['市財政局'], directory);

    expect(sut).toEqual({
      written: '市財政局',
      method: 'traditional',
      departmentId: 'czj',
      suggestions: [],
    });
  });

  it('returns the closest entries, best first, for an unknown name', () => {
    const [sut] = resolveDepartments(['市发展和改革委员会'], directory);

    expect(sut.method).toBe('unresolved');
    expect(sut.departmentId).toBeNull();
    expect(sut.suggestions[0].id).toBe('fgw');
    expect(sut.suggestions.every((s, i, all) => i === 0 || all[i - 1].score >= s.score)).toBe(true);
  });

  it('suggests nothing for a name unlike any entry', () => {
    expect(resolveDepartments(['石河子大学'], directory)[0].suggestions).toEqual([]);
  });
});

describe('withConfirmedAlias', () => {
  it('returns a new entry with the alias, leaving the old one as it was', () => {
    const entry = directory[0];

    const sut = withConfirmedAlias(entry, '市发展和改革委员会');

    expect(sut.aliases).toEqual(['市发改委', '市发展和改革委员会']);
    expect(entry.aliases).toEqual(['市发改委']);
    expect(resolveDepartments(['市发展和改革委员会'], [sut])[0].method).toBe('alias');
  });

  it('does not add a spelling it already knows', () => {
    const entry = directory[0];

    expect(withConfirmedAlias(entry, ' 市发改委 ')).toBe(entry);
    expect(withConfirmedAlias(entry, '市发展改革委')).toBe(entry);
  });
});

describe('normalizeDepartmentName and similarity', () => {
  it('folds width, blanks and bracket shapes', () => {
    expect(normalizeDepartmentName(' 商务局（旅游局）')).toBe('商务局(旅游局)');
    expect(normalizeDepartmentName('〔各县〕')).toBe('(各县)');
  });

  it('scores bigram overlap: 科技局 and 科技厅 share one of four bigrams', () => {
    expect(similarity('科技局', '科技厅')).toBeCloseTo(0.5);
    expect(similarity('科技局', '科技局')).toBe(1);
    expect(similarity('科技局', '公安厅')).toBe(0);
  });
});
