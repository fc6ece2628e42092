import { lightOf, lightSqlCondition } from './traffic-light';

describe('lightOf: the board rule on one deadline', () => {
  // Monday 2026-03-02: seven working days on is Wednesday 2026-03-11.
  const window = { asOf: '2026-03-02', yellowUntil: '2026-03-11' };

  it.each([
    ['2026-02-27', 'red'],
    ['2026-03-01', 'red'],
    ['2026-03-02', 'yellow'],
    ['2026-03-11', 'yellow'],
    ['2026-03-12', 'green'],
    [null, 'green'],
  ] as const)('a deadline of %s is %s', (deadline, light) => {
    expect(lightOf(deadline, window)).toBe(light);
  });

  it('writes the same bounds in SQL', () => {
    expect(lightSqlCondition('red', 't.deadline', '$1', '$2')).toBe('t.deadline < $1::date');
    expect(lightSqlCondition('yellow', 'd', '$1', '$2')).toBe('(d >= $1::date AND d <= $2::date)');
    expect(lightSqlCondition('green', 'd', '$1', '$2')).toBe('(d IS NULL OR d > $2::date)');
  });
});
