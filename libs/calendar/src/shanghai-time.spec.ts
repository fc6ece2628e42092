import { InvalidCalendarDateError } from './calendar.errors';
import { shanghaiDateOf, shanghaiInstantOf } from './shanghai-time';

const intlShanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

describe('Asia/Shanghai dates of instants', () => {
  it.each([
    ['2026-01-01T15:59:59.999Z', '2026-01-01'],
    ['2026-01-01T16:00:00.000Z', '2026-01-02'],
    ['2026-03-01T00:00:00.000Z', '2026-03-01'],
    ['2026-02-28T23:59:59.000Z', '2026-03-01'],
    ['2026-02-28T15:59:59.000Z', '2026-02-28'],
    ['2024-02-28T16:00:00.000Z', '2024-02-29'],
    ['2025-12-31T15:59:59.000Z', '2025-12-31'],
    ['2025-12-31T16:00:00.000Z', '2026-01-01'],
  ])('%s is %s in Shanghai', (instant, date) => {
    expect(shanghaiDateOf(new Date(instant))).toBe(date);
  });

  it('agrees with the time-zone database around the turn of 2025/2026', () => {
    const start = Date.parse('2025-12-30T12:00:00Z');
    for (let t = start; t < start + 3 * 86_400_000; t += 37 * 60_000) {
      const instant = new Date(t);
      expect(shanghaiDateOf(instant)).toBe(intlShanghaiDate.format(instant));
    }
  });

  it('refuses invalid dates and dates before 1992', () => {
    expect(() => shanghaiDateOf(new Date('not a date'))).toThrow(RangeError);
    expect(() => shanghaiDateOf(new Date('1990-07-01T00:00:00Z'))).toThrow(/daylight saving/);
  });
});

describe('Asia/Shanghai wall-clock times as instants', () => {
  it.each([
    ['2026-03-02', '09:00', '2026-03-02T01:00:00.000Z'],
    ['2026-01-01', '07:59', '2025-12-31T23:59:00.000Z'],
    ['2026-01-01', '08:00', '2026-01-01T00:00:00.000Z'],
    ['2024-03-01', '00:30:15', '2024-02-29T16:30:15.000Z'],
    ['2026-06-30', '23:59:59', '2026-06-30T15:59:59.000Z'],
  ])('%s %s in Shanghai is %s', (date, time, instant) => {
    expect(shanghaiInstantOf(date, time).toISOString()).toBe(instant);
  });

  it('defaults to local midnight', () => {
    expect(shanghaiInstantOf('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  it('round-trips with shanghaiDateOf at every hour of the day', () => {
    for (let hour = 0; hour < 24; hour++) {
      const time = `${String(hour).padStart(2, '0')}:30`;
      expect(shanghaiDateOf(shanghaiInstantOf('2026-02-28', time))).toBe('2026-02-28');
    }
  });

  it.each(['24:00', '9:00', '09:60', '09:00:60', '0900', ''])('rejects the time %p', (time) => {
    expect(() => shanghaiInstantOf('2026-03-02', time)).toThrow(RangeError);
  });

  it('rejects bad dates and dates before 1992', () => {
    expect(() => shanghaiInstantOf('2026-02-30', '09:00')).toThrow(InvalidCalendarDateError);
    expect(() => shanghaiInstantOf('1991-06-01', '09:00')).toThrow(/daylight saving/);
  });
});

describe('independence from the process time zone', () => {
  const localTimeMethods = [
    'getFullYear',
    'getMonth',
    'getDate',
    'getDay',
    'getHours',
    'getMinutes',
    'getTimezoneOffset',
    'toString',
    'toLocaleDateString',
  ] as const;

  afterEach(() => jest.restoreAllMocks());

  it('never reads the local time of a Date, so TZ cannot change the answers', () => {
    for (const method of localTimeMethods) {
      jest.spyOn(Date.prototype, method).mockImplementation(() => {
        throw new Error(`Date#${method} depends on the process time zone`);
      });
    }
    expect(shanghaiDateOf(new Date('2026-01-01T16:30:00Z'))).toBe('2026-01-02');
    expect(shanghaiInstantOf('2026-03-02', '09:00').toISOString()).toBe('2026-03-02T01:00:00.000Z');
    expect(() => new Date().getHours()).toThrow(/process time zone/);
  });
});
