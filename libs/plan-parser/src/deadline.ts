import { Deadline, Recurrence } from './plan-draft.types';

interface DeadlineHit {
  start: number;
  end: number;
  deadline: Omit<Deadline, 'phrase'>;
  /** The phrase to report instead of the source text (每年度 is reported as 每年). */
  phrase?: string;
}

const PERIOD_END: Record<string, number> = {
  十一五: 2010,
  十二五: 2015,
  十三五: 2020,
  十四五: 2025,
  十五五: 2030,
  十六五: 2035,
};

// Each pattern is a plain sequence with bounded repeats, so matching stays linear.
const DATED =
  /(到|至|截至|截止到|截止|力争到|力争在|争取到|争取在|在)?(\d{4})年(?:度)?(?:(\d{1,2})月(?:份)?(?:(\d{1,2})[日号])?)?(底|末|年底|年末|上半年|下半年|内|第[一二三四]季度)?(前|之前|以前)?/g;
const MONTH_ONLY =
  /(?<![\d年])(\d{1,2})月(?:份)?(?:(\d{1,2})[日号])?(底|末|中旬|上旬|下旬)?(前|之前|以前)/g;
const YEAR_END_ONLY = /(?<![\d年])(年底前|年内|年底)/g;
const PERIOD = /(到|至|力争到)?[“"']?(十[一二三四五六]五)[”"']?(末|期末|期间|时期|时期末|中期)?/g;
const RECURRING = /每(年度|年|半年|季度|月|周)/g;
const ONGOING = /^(?:长期|持续|常态化|长期坚持|持续推进|持续实施)/;

/** Quick test used while splitting a note: does this piece read as a time rather than a name? */
export function looksLikeDeadline(text: string): boolean {
  return (
    /\d{4}年|\d{1,2}月(?:底|末|份)?(?:前|完成)|年底|年内|季度|每年|每月|长期|持续推进|常态化|十[三四五]五/.test(
      text,
    ) && !/(?:局|委|办|厅|政府|部门)$/.test(text)
  );
}

/** Finds the first deadline in a piece of key text. `year` resolves phrases such as 6月底前. */
export function findDeadline(text: string, year: number | null): DeadlineHit | null {
  const hits: DeadlineHit[] = [];
  DATED.lastIndex = 0;
  for (let m = DATED.exec(text); m; m = DATED.exec(text)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 4);
    const hasMarker = Boolean(m[1] || m[5] || m[6]) || /^(?:全面|基本)?(?:完成|建成)/.test(after);
    if (!hasMarker || /\d/.test(text[m.index - 1] ?? '') || text[m.index + m[0].length] === '-') {
      continue;
    }
    if (text.slice(Math.max(0, m.index - 1), m.index) === '-') {
      continue;
    }
    const y = Number(m[2]);
    if (y < 1990 || y > 2100) {
      continue;
    }
    hits.push({
      start: m.index,
      end: m.index + m[0].length,
      deadline: { date: resolveDate(y, m[3], m[4], m[5]), recurrence: null },
    });
    break;
  }
  PERIOD.lastIndex = 0;
  for (let m = PERIOD.exec(text); m; m = PERIOD.exec(text)) {
    const follows = text.slice(m.index + m[0].length, m.index + m[0].length + 2);
    if (!m[3] && !(m[1] && !/^(?:规划|计划|时期|期间)/.test(follows))) {
      continue;
    }
    if (/^(?:规划|计划)/.test(follows) && !m[3]) {
      continue;
    }
    const endYear = PERIOD_END[m[2]];
    hits.push({
      start: m.index,
      end: m.index + m[0].length,
      deadline: { date: `${endYear}-12-31`, recurrence: null },
    });
    break;
  }
  MONTH_ONLY.lastIndex = 0;
  for (let m = MONTH_ONLY.exec(text); m; m = MONTH_ONLY.exec(text)) {
    const month = Number(m[1]);
    if (month < 1 || month > 12) {
      continue;
    }
    hits.push({
      start: m.index,
      end: m.index + m[0].length,
      deadline: {
        date: year === null ? null : resolveDate(year, m[1], m[2], m[3]),
        recurrence: null,
      },
    });
    break;
  }
  YEAR_END_ONLY.lastIndex = 0;
  const yearEnd = YEAR_END_ONLY.exec(text);
  if (yearEnd) {
    hits.push({
      start: yearEnd.index,
      end: yearEnd.index + yearEnd[0].length,
      deadline: { date: year === null ? null : `${year}-12-31`, recurrence: null },
    });
  }
  RECURRING.lastIndex = 0;
  const recurring = RECURRING.exec(text);
  if (recurring) {
    const unit = recurring[1];
    hits.push({
      start: recurring.index,
      end: recurring.index + recurring[0].length,
      deadline: { date: null, recurrence: recurrenceOf(unit) },
      phrase: unit === '年度' ? '每年' : undefined,
    });
  }
  if (hits.length === 0) {
    return null;
  }
  hits.sort((a, b) => a.start - b.start);
  return hits[0];
}

/** A labelled time such as 完成时限:2024年12月底前 or 长期坚持; the whole value is the phrase. */
export function readLabelledDeadline(text: string, year: number | null): Omit<Deadline, 'phrase'> {
  const hit = findDeadline(text, year);
  if (hit) {
    return hit.deadline;
  }
  const dated = /(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})[日号])?)?(底|末|上半年|下半年)?/.exec(text);
  if (dated) {
    return { date: resolveDate(Number(dated[1]), dated[2], dated[3], dated[4]), recurrence: null };
  }
  const iso = /(\d{4})[-./](\d{1,2})(?:[-./](\d{1,2}))?/.exec(text);
  if (iso) {
    return { date: resolveDate(Number(iso[1]), iso[2], iso[3], undefined), recurrence: null };
  }
  if (ONGOING.test(text)) {
    return { date: null, recurrence: 'ongoing' };
  }
  return { date: null, recurrence: null };
}

function recurrenceOf(unit: string): Recurrence {
  switch (unit) {
    case '半年':
      return 'half-yearly';
    case '季度':
      return 'quarterly';
    case '月':
    case '周':
      return 'monthly';
    default:
      return 'yearly';
  }
}

export function resolveDate(
  year: number,
  month: string | undefined,
  day: string | undefined,
  part: string | undefined,
): string {
  if (part === '上半年') {
    return `${year}-06-30`;
  }
  const quarter = part ? /第([一二三四])季度/.exec(part) : null;
  if (quarter) {
    const q = '一二三四'.indexOf(quarter[1]) + 1;
    return isoDate(year, q * 3, lastDay(year, q * 3));
  }
  if (!month) {
    return `${year}-12-31`;
  }
  const m = Math.min(12, Math.max(1, Number(month)));
  if (day) {
    return isoDate(year, m, Math.min(lastDay(year, m), Math.max(1, Number(day))));
  }
  if (part === '中旬') {
    return isoDate(year, m, 20);
  }
  if (part === '上旬') {
    return isoDate(year, m, 10);
  }
  return isoDate(year, m, lastDay(year, m));
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
