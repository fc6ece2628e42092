import { sourceSegments } from './source-segments';

describe('sourceSegments', () => {
  it('cuts the text at each span and says which tasks cover each run', () => {
    //            0123456789012
    const text = '标题\n(一)甲。(二)乙。';
    expect(
      sourceSegments(text, [
        { number: '一', start: 3, end: 8 },
        { number: '二', start: 8, end: 13 },
      ]),
    ).toEqual([
      { start: 0, end: 3, text: '标题\n', numbers: [] },
      { start: 3, end: 8, text: '(一)甲。', numbers: ['一'] },
      { start: 8, end: 13, text: '(二)乙。', numbers: ['二'] },
    ]);
  });

  it('marks a child inside its parent with both numbers, parent first', () => {
    const text = 'ABCDEFGHIJ';
    expect(
      sourceSegments(text, [
        { number: 'p', start: 1, end: 9 },
        { number: 'c', start: 4, end: 6 },
      ]).map((s) => [s.text, s.numbers]),
    ).toEqual([
      ['A', []],
      ['BCD', ['p']],
      ['EF', ['p', 'c']],
      ['GHI', ['p']],
      ['J', []],
    ]);
  });

  it('clips spans past the end, ignores empty ones, and keeps the whole text', () => {
    const text = '一二三四';
    const segments = sourceSegments(text, [
      { number: 'a', start: 2, end: 99 },
      { number: 'b', start: 1, end: 1 },
    ]);
    expect(segments).toEqual([
      { start: 0, end: 2, text: '一二', numbers: [] },
      { start: 2, end: 4, text: '三四', numbers: ['a'] },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('gives one plain run for a text with no spans', () => {
    expect(sourceSegments('全文', [])).toEqual([{ start: 0, end: 2, text: '全文', numbers: [] }]);
  });
});
