import { isCalendarDate, isMultiLineText, isPlainEmail, isSingleLineName } from './input-rules';
import { bodyShapeProblem, MAX_BODY_ENTRIES } from './validation.pipe';

describe('isCalendarDate', () => {
  it.each(['2026-12-05', '2000-01-01', '2100-12-31', '2024-02-29'])('accepts %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  it.each([
    '2026',
    '2026-W05',
    '2026-12-05T10:00:00Z',
    '9999-12-31',
    '1999-12-31',
    '2101-01-01',
    '2026-02-30',
    '2025-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-1-5',
    ' 2026-01-05',
    '２０２６-01-05',
    20260105,
    null,
  ])('refuses %p', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });
});

describe('names and texts', () => {
  it('keeps ordinary names, with brackets and middle dots', () => {
    expect(isSingleLineName('各县(市、区)人民政府')).toBe(true);
    expect(isSingleLineName('阿卜杜·热合曼')).toBe(true);
  });

  it.each(['\r', '\n', '\t', '\u0000', '\u001b', '\u007f', '\u0085', '\u009f', '\u2028', '\u2029'])(
    'refuses %j in a name',
    (character) => {
      expect(isSingleLineName(`市发改委${character}`)).toBe(false);
    },
  );

  it('lets texts span lines but refuses other control characters', () => {
    expect(isMultiLineText('一、进展\r\n\t二、问题')).toBe(true);
    expect(isMultiLineText('进展\u0007')).toBe(false);
    expect(isMultiLineText('进展\u000b')).toBe(false);
    expect(isMultiLineText('进展\u2028')).toBe(false);
  });
});

describe('isPlainEmail', () => {
  it.each(['fgw@wuzhou.gov.cn', 'a.b+c_d-e@mail.example.com', 'x1@dept.example'])(
    'accepts %s',
    (value) => {
      expect(isPlainEmail(value)).toBe(true);
    },
  );

  it.each([
    '"a\r\nBcc: x"@example.cn',
    '"quoted"@example.cn',
    'a b@example.cn',
    'a@example.cn\r\n',
    'a@@example.cn',
    '.a@example.cn',
    'a@example',
    'a@-example.cn',
    `${'a'.repeat(250)}@example.cn`,
  ])('refuses %j', (value) => {
    expect(isPlainEmail(value)).toBe(false);
  });
});

describe('bodyShapeProblem', () => {
  it('passes a body at the bounds and refuses one past them', () => {
    expect(bodyShapeProblem({ list: new Array<number>(MAX_BODY_ENTRIES - 1).fill(0) })).toBeNull();
    expect(bodyShapeProblem({ list: new Array<number>(MAX_BODY_ENTRIES).fill(0) })).toBe(
      'too-many-entries',
    );
    let nested: unknown = 0;
    for (let i = 0; i < 40; i += 1) {
      nested = [nested];
    }
    expect(bodyShapeProblem(nested)).toBe('too-deep');
  });

  it('refuses a 420,000-key object as too many entries', () => {
    const huge: Record<string, number> = {};
    for (let i = 0; i < 420_000; i += 1) {
      huge[`k${i}`] = 1;
    }
    expect(bodyShapeProblem(huge)).toBe('too-many-entries');
  });
});
