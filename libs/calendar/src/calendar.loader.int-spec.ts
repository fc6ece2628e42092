// The build compiles *.int-spec.ts files too (its exclude list names only *.spec.ts).
/// <reference types="jest" />
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { CalendarDataError } from './calendar.errors';
import { loadWorkingDayCalendar, readCalendarOverrides } from './calendar.loader';

// 2030 is a made-up test fixture, not an official arrangement; 2030-02-09 is a Saturday.
const FIXTURE_2030 =
  'holidays:\n  - { from: 2030-02-02, to: 2030-02-08, name: 春节 }\nworkdays: [2030-02-09]\n';

describe('loadWorkingDayCalendar', () => {
  let overrideDir: string;

  beforeEach(async () => {
    overrideDir = await mkdtemp(join(tmpdir(), 'duban-calendar-'));
  });
  afterEach(async () => {
    await rm(overrideDir, { recursive: true, force: true });
  });

  it('loads the package years and the repository override folder', async () => {
    const sut = await loadWorkingDayCalendar();
    expect(sut.coveredYears()[0]).toBe(2016);
    expect(sut.isWorkingDay('2024-02-18')).toBe(true);
    expect(sut.isWorkingDay('2024-02-12')).toBe(false);
  });

  it('reads the calendar folder of DUBAN_CONFIG_DIR by default, as every service does', async () => {
    await mkdir(join(overrideDir, 'calendar'));
    await writeFile(join(overrideDir, 'calendar', '2030.yaml'), FIXTURE_2030);
    const previous = process.env.DUBAN_CONFIG_DIR;
    process.env.DUBAN_CONFIG_DIR = overrideDir;
    try {
      const sut = await loadWorkingDayCalendar();
      expect(sut.covers(2030)).toBe(true);
      expect(sut.isWorkingDay('2030-02-09')).toBe(true);
    } finally {
      if (previous === undefined) {
        delete process.env.DUBAN_CONFIG_DIR;
      } else {
        process.env.DUBAN_CONFIG_DIR = previous;
      }
    }
  });

  it('adds the years of override files and ignores other files', async () => {
    await writeFile(join(overrideDir, '2030.yaml'), FIXTURE_2030);
    await writeFile(join(overrideDir, 'README.md'), '# not a calendar\n');
    await mkdir(join(overrideDir, 'drafts.yaml'));

    const sut = await loadWorkingDayCalendar({ overrideDir });

    expect(sut.coverage().at(-1)).toEqual({ year: 2030, sources: ['override'] });
    expect(sut.covers(2029)).toBe(false);
    expect(sut.addWorkingDays('2030-02-01', 1)).toBe('2030-02-09');
    expect(sut.describeDay('2030-02-05')).toMatchObject({ kind: 'holiday', name: '春节' });
  });

  it('names the file and entry of a bad override', async () => {
    await writeFile(join(overrideDir, '2030.yaml'), 'workdays: [2030-02-09, 2030-02-11]\n');

    const loading = loadWorkingDayCalendar({ overrideDir });

    await expect(loading).rejects.toBeInstanceOf(CalendarDataError);
    await expect(loading).rejects.toMatchObject({
      source: join(relative(process.cwd(), overrideDir), '2030.yaml'),
      problems: [expect.stringMatching(/^workdays\[1\]: 2030-02-11 is a Monday/)],
    });
  });

  it('refuses two files for one year', async () => {
    await writeFile(join(overrideDir, '2030.yaml'), FIXTURE_2030);
    await writeFile(join(overrideDir, '2030.yml'), FIXTURE_2030);

    await expect(readCalendarOverrides(overrideDir)).rejects.toThrow(/both arrange 2030/);
  });

  it('refuses a missing folder rather than running without overrides', async () => {
    await expect(readCalendarOverrides(join(overrideDir, 'missing'))).rejects.toThrow(
      /override folder does not exist/,
    );
  });
});
