import { displayWidth, renderTable, truncate } from './text-table';

describe('text table', () => {
  it('counts Chinese characters as two columns', () => {
    expect(displayWidth('市科技局')).toBe(8);
    expect(displayWidth('No.')).toBe(3);
    expect(displayWidth('（一）')).toBe(6);
  });

  it('cuts long text to the width, marking the cut', () => {
    expect(truncate('加快推进大数据应用', 9)).toBe('加快推进…');
    expect(truncate('短', 9)).toBe('短');
  });

  it('aligns columns by display width', () => {
    expect(
      renderTable(
        ['No.', 'Lead'],
        [
          ['1', '市科技局'],
          ['12', 'x'],
        ],
      ),
    ).toBe(['No.  Lead', '---  --------', '1    市科技局', '12   x'].join('\n'));
  });
});
