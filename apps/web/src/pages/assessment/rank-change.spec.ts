import { rankChangeMark } from './rank-change';

describe('rankChangeMark', () => {
  it('marks places gained with ↑ and lost with ↓, unchanged with =, unranked with —', () => {
    expect(rankChangeMark(2)).toEqual({ text: '↑2', label: '上升 2 名', direction: 'up' });
    expect(rankChangeMark(-1)).toEqual({ text: '↓1', label: '下降 1 名', direction: 'down' });
    expect(rankChangeMark(0)).toMatchObject({ text: '=', direction: 'same' });
    expect(rankChangeMark(null)).toMatchObject({ text: '—', direction: 'none' });
  });
});
