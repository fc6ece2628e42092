import { parsePlan } from './plan-parser';
import { PlanParseError, PlanParseErrorCode } from './plan-parse.error';
import { MAX_PLAN_BYTES } from './text-input';

function errorCodeOf(run: () => unknown): PlanParseErrorCode | 'no error' | 'untyped error' {
  try {
    run();
    return 'no error';
  } catch (error) {
    return error instanceof PlanParseError ? error.code : 'untyped error';
  }
}

describe('bad input', () => {
  it.each([
    ['an empty string', ''],
    ['only blanks and line breaks', ' \n\u3000\r\n\t '],
  ])('rejects %s as EMPTY', (_what, text) => {
    expect(errorCodeOf(() => parsePlan(text))).toBe('EMPTY');
  });

  it('rejects an empty buffer as EMPTY', () => {
    expect(errorCodeOf(() => parsePlan(Buffer.alloc(0)))).toBe('EMPTY');
  });

  it('rejects a PNG header as NOT_TEXT', () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48,
    ]);

    expect(errorCodeOf(() => parsePlan(png))).toBe('NOT_TEXT');
  });

  it('rejects a string full of control characters as NOT_TEXT', () => {
    expect(errorCodeOf(() => parsePlan('一、任务\u0001\u0002\u0003\u0004'))).toBe('NOT_TEXT');
  });

  it('rejects GBK bytes as NOT_UTF8', () => {
    // 一、总体要求 encoded in GBK.
    const gbk = Buffer.from([
      0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0xd2, 0xaa, 0xc7, 0xf3,
    ]);

    expect(errorCodeOf(() => parsePlan(gbk))).toBe('NOT_UTF8');
  });

  it('rejects a buffer one byte over 5 MB as TOO_LARGE', () => {
    expect(errorCodeOf(() => parsePlan(Buffer.alloc(MAX_PLAN_BYTES + 1, 0x41)))).toBe('TOO_LARGE');
  });

  it('counts a string in UTF-8 bytes: 1,747,627 Chinese characters are over 5 MB', () => {
    // 5 * 1024 * 1024 / 3 = 1,747,626.67, so this many three-byte characters pass the limit.
    expect(errorCodeOf(() => parsePlan('任'.repeat(1_747_627)))).toBe('TOO_LARGE');
  });

  it('rejects text with no numbered task as NO_TASKS', () => {
    expect(errorCodeOf(() => parsePlan('这是一段说明文字,没有任何编号条目。'))).toBe('NO_TASKS');
  });

  it('gives a message a person can read, in English and Chinese', () => {
    const error = new PlanParseError('NOT_UTF8');

    expect(error.message).toContain('UTF-8');
    expect(error.messageZh).toContain('UTF-8');
    expect(error.name).toBe('PlanParseError');
  });
});

describe('pathological input', () => {
  it('parses 10,000 nested brackets without hanging or an untyped error', () => {
    const text = `一、重点任务\n(一)加强协调。${'('.repeat(10_000)}市发改委牵头${')'.repeat(10_000)}\n(二)推进改革。(市财政局牵头)`;

    const started = Date.now();
    const sut = parsePlan(text);

    expect(Date.now() - started).toBeLessThan(5_000);
    expect(sut.tasks.map((t) => t.number)).toEqual(['一.(二)']);
    expect(sut.tasks[0].lead).toEqual(['市财政局']);
  });

  it('survives 10,000 unbalanced and mismatched brackets', () => {
    const text = `一、重点任务\n(一)加强协调。${'(〔【['.repeat(2_500)}${')〕'.repeat(5_000)}(市科技局牵头)`;

    expect(errorCodeOf(() => parsePlan(text))).toMatch(/^(?:no error|NO_TASKS)$/);
  });

  it('parses one line of 5 MB in a few seconds', () => {
    const unit = '推进产业发展(市发改委牵头,市财政局配合),到2020年产值达到300亿元;';
    const unitBytes = Buffer.byteLength(unit, 'utf8');
    const line = `1.加快发展。${unit.repeat(Math.floor((MAX_PLAN_BYTES - 100) / unitBytes))}`;
    expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(MAX_PLAN_BYTES);

    const started = Date.now();
    const sut = parsePlan(line);

    expect(Date.now() - started).toBeLessThan(15_000);
    expect(sut.tasks).toHaveLength(1);
    expect(sut.tasks[0].lead).toEqual(['市发改委']);
    expect(sut.tasks[0].support).toEqual(['市财政局']);
  }, 30_000);

  it('stays linear when one item holds 150,000 notes on as many lines', () => {
    const text = `一、重点任务\n(一)加强协调\n${'推进工作(市甲局牵头)。\n'.repeat(150_000)}`;

    const started = Date.now();
    const sut = parsePlan(text);

    expect(Date.now() - started).toBeLessThan(15_000);
    expect(sut.tasks).toHaveLength(1);
    expect(sut.tasks[0].lead).toEqual(['市甲局']);
  }, 30_000);

  it('parses 500,000 tiny notes on one line', () => {
    const unit = '(甲局)。';
    const text = `1.任务。${unit.repeat(Math.floor((MAX_PLAN_BYTES - 100) / Buffer.byteLength(unit, 'utf8')))}`;

    const sut = parsePlan(text);

    expect(sut.tasks[0].lead).toEqual(['甲局']);
  }, 30_000);

  it('parses one 5 MB line with no structure at all as NO_TASKS', () => {
    const line = '甲乙(丙丁),戊己;'.repeat(Math.floor(MAX_PLAN_BYTES / 30));

    expect(errorCodeOf(() => parsePlan(line))).toBe('NO_TASKS');
  }, 30_000);
});
