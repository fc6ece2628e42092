import { QuantitativeTarget, TargetComparator } from './plan-draft.types';

const COUNT_UNIT =
  '家|个|項|项|条|件|所|名|人次|人|户|座|台|套|支|批|只|辆|部|篇|场|次|倍|个百分点|百分点';
const MONEY_UNIT = '万亿元|亿元|万元|亿美元|万美元|元';
const MEASURE_UNIT = '万吨|吨|万千瓦|千瓦|兆瓦|公里|平方公里|万平方米|平方米|万亩|亩|立方米|GW|MW';
const NUMBER = '\\d+(?:\\.\\d+)?(?:(?:-|至|到|~)\\d+(?:\\.\\d+)?)?(?:万|千|百)?';
const QUANTITY = new RegExp(
  `(${NUMBER})(${MONEY_UNIT}|%|${COUNT_UNIT}|${MEASURE_UNIT})|([千百万]亿级)`,
  'g',
);
const MEASURE_ONLY = new RegExp(`^(?:${MEASURE_UNIT})$`);
const GOAL_WORD =
  /压缩|新建|改扩建|改造|稳定|推出|组建|盘活|实施|开展|覆盖|设置|消除|达到|达|超过|突破|建成|建设|培育|新增|累计|实现|力争|增长|提高|提升|不低于|不少于|以上|安排|遴选|打造|形成|引进|完成|控制在|保持|占|比重|增加|减少|下降|降低|拥有|成为|争创|创建|认定|发展到|培训|扶持|带动/;
const NOT_A_GOAL =
  /补助|补贴|奖励|奖补|资助|贴息|一次性|给予|总投资|投资额|及以上独立|最高不超过|标准调整|门槛|注册资本|租金|减免|收费|罚款/;
const MAX_CLAUSE = 120;
const MAGNITUDE: Record<string, number> = { 万: 10_000, 千: 1_000, 百: 100 };

/** The quantitative goals written in a piece of key text, each copied as its whole clause. */
export function findTargets(
  key: string,
  start: number,
  end: number,
  copy: (start: number, end: number) => string,
  defaultYear: number | null,
): QuantitativeTarget[] {
  const targets: QuantitativeTarget[] = [];
  let from = start;
  // Only a clause with a digit (or 亿级) can hold a goal; the rest is skipped without a copy.
  let quantity = false;
  for (let i = start; i <= end; i++) {
    const code = i < end ? key.charCodeAt(i) : 0x3002;
    if ((code >= 0x30 && code <= 0x39) || code === 0x4ebf) {
      quantity = true;
      continue;
    }
    if (!isClauseEnd(code)) {
      continue;
    }
    if (quantity && i - from > 0 && i - from <= MAX_CLAUSE) {
      const target = readTarget(key.slice(from, i), defaultYear);
      if (target) {
        const phraseRange = trimClause(key, from, i);
        targets.push({ ...target, phrase: copy(phraseRange.start, phraseRange.end) });
      }
    }
    from = i + 1;
    quantity = false;
  }
  return targets;
}

// , ; 。 ! ? line end and tab (a table cell).
function isClauseEnd(code: number): boolean {
  return (
    code === 0x2c ||
    code === 0x3b ||
    code === 0x3002 ||
    code === 0x0a ||
    code === 0x09 ||
    code === 0x21 ||
    code === 0x3f
  );
}

function trimClause(key: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /[\s\t“”"()、:]/.test(key[start])) {
    start++;
  }
  while (end > start && /[\s\t、:]/.test(key[end - 1])) {
    end--;
  }
  return { start, end };
}

function readTarget(
  clause: string,
  defaultYear: number | null,
): Omit<QuantitativeTarget, 'phrase'> | null {
  if (NOT_A_GOAL.test(clause) || !GOAL_WORD.test(clause)) {
    return null;
  }
  QUANTITY.lastIndex = 0;
  for (let m = QUANTITY.exec(clause); m; m = QUANTITY.exec(clause)) {
    const before = clause[m.index - 1] ?? '';
    if (/[\d.]/.test(before)) {
      continue;
    }
    const after = clause.slice(m.index + m[0].length, m.index + m[0].length + 1);
    if (m[3]) {
      return {
        indicator: indicatorOf(clause, m.index, m[0].length),
        value: magnitudeOf(m[3]),
        valueMax: null,
        unit: '元',
        comparator: '>=',
        year: yearOf(clause, defaultYear),
      };
    }
    const unit = m[2];
    if (MEASURE_ONLY.test(unit) && /[\u4e00-\u9fa5]/.test(after) && !/[以左的]/.test(after)) {
      continue;
    }
    const magnitude = /[万千百]$/.exec(m[1]);
    const digits = magnitude ? m[1].slice(0, -1) : m[1];
    const scale = magnitude ? MAGNITUDE[magnitude[0]] : 1;
    const range = /^(\d+(?:\.\d+)?)(?:-|至|到|~)(\d+(?:\.\d+)?)$/.exec(digits);
    return {
      indicator: indicatorOf(clause, m.index, m[0].length),
      value: Number(range ? range[1] : digits) * scale,
      valueMax: range ? Number(range[2]) * scale : null,
      unit,
      comparator: range
        ? 'range'
        : comparatorOf(clause.slice(Math.max(0, m.index - 6), m.index + m[0].length + 3)),
      year: yearOf(clause, defaultYear),
    };
  }
  return null;
}

function comparatorOf(around: string): TargetComparator {
  if (/以上|不低于|不少于|突破/.test(around)) {
    return '>=';
  }
  if (/超过|超/.test(around)) {
    return '>';
  }
  if (/以下|以内|不超过|不高于|控制在/.test(around)) {
    return '<=';
  }
  if (/左右|约|大约/.test(around)) {
    return '~';
  }
  return '>=';
}

function indicatorOf(clause: string, at: number, length: number): string {
  const head = clause
    .slice(0, at)
    .replace(/^(?:到|至|力争到|力争在)?\d{4}年(?:底|末)?(?:前)?/, '')
    .replace(/^(?:力争|争取|每年|全市|累计)+/, '');
  const verb =
    /(?:达到|达|超过|突破|提高到|提升到|增长|不低于|不少于|控制在|保持在|约占|占)[^达超突提增不控保占]*$/.exec(
      head,
    );
  if (verb && verb.index > 0) {
    return head.slice(0, verb.index).replace(/[的,]$/, '');
  }
  const tail = clause.slice(at + length).replace(/^(?:以上|左右|的)/, '');
  if (tail.length > 0 && tail.length <= 20) {
    return tail;
  }
  return head.replace(/^(?:建成|培育|新增|打造|建设|引进|形成|安排|遴选)/, '');
}

function magnitudeOf(word: string): number {
  const base = word[0] === '千' ? 1000 : word[0] === '百' ? 100 : 10000;
  return base * 100000000;
}

function yearOf(clause: string, fallback: number | null): number | null {
  const m = /(\d{4})年/.exec(clause);
  if (m) {
    const y = Number(m[1]);
    if (y >= 1990 && y <= 2100) {
      return y;
    }
  }
  return fallback;
}
