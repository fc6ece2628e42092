import { formatEpochDay, parseIsoDate, type IsoDate } from './local-date';

/**
 * Asia/Shanghai is UTC+8 all year: China has not observed daylight saving time since 1991, so a
 * fixed offset is exact for every date the calendar serves and needs neither the process time
 * zone nor a time-zone database. Dates before 1992 are refused rather than answered wrongly.
 */
export const SHANGHAI_UTC_OFFSET_MINUTES = 8 * 60;

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const FIRST_YEAR_WITHOUT_DST = 1992;
const LOCAL_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/** The Asia/Shanghai calendar date of an instant. */
export function shanghaiDateOf(instant: Date): IsoDate {
  const shifted = instant.getTime() + SHANGHAI_UTC_OFFSET_MINUTES * MS_PER_MINUTE;
  if (Number.isNaN(shifted)) {
    throw new RangeError('Cannot take the Asia/Shanghai date of an invalid Date');
  }
  const date = formatEpochDay(Math.floor(shifted / MS_PER_DAY));
  assertNoDaylightSaving(date);
  return date;
}

/** The instant at which the Asia/Shanghai wall clock shows `localTime` ("09:00" or "09:00:30") on `date`. */
export function shanghaiInstantOf(date: IsoDate, localTime = '00:00'): Date {
  const day = parseIsoDate(date);
  assertNoDaylightSaving(date);
  const match = LOCAL_TIME_PATTERN.exec(localTime);
  if (!match) {
    throw new RangeError(`"${localTime}" is not a time of day written HH:mm or HH:mm:ss`);
  }
  const minutes = Number(match[1]) * 60 + Number(match[2]) - SHANGHAI_UTC_OFFSET_MINUTES;
  const seconds = Number(match[3] ?? '0');
  return new Date(day * MS_PER_DAY + minutes * MS_PER_MINUTE + seconds * 1000);
}

function assertNoDaylightSaving(date: IsoDate): void {
  if (Number(date.slice(0, 4)) < FIRST_YEAR_WITHOUT_DST) {
    throw new RangeError(
      `${date} is before ${FIRST_YEAR_WITHOUT_DST}, when China still observed daylight saving time; Asia/Shanghai is not a fixed UTC+8 there`,
    );
  }
}
