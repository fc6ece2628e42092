import { csvField, csvLine, inertCell } from './spreadsheet-cell';

describe('inertCell (OWASP CSV injection rule)', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+1+1', `'+1+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
  ])('prefixes a quote to %j', (value, expected) => {
    expect(inertCell(value)).toBe(expected);
  });

  it.each(['已完成 80%', '市发展改革委', '2026年底前', '', ' =1', "'=1"])(
    'leaves %j as it is',
    (value) => {
      expect(inertCell(value)).toBe(value);
    },
  );
});

describe('csvField and csvLine', () => {
  it('quotes fields with commas, quotes and line breaks after making them inert', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField('a,b')).toBe('"a,b"');
  });

  it('writes numbers as they are, negative ones included', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvLine([1, '=1', 'x'])).toBe(`1,'=1,x\r\n`);
  });
});
