import { looksLikeDeadline } from './deadline';
import { KeyRange } from './key-range';

const NAME_LEAD_TRIM = /^(?:以及|会同|联合|由|以|请|和|及|与)/;
const NAME_TAIL_TRIM = /(?:等部门|等单位|等)$/;
const LEAD_MARK = /\((?:牵头|牵头单位|主责|牵头部门)\)$|牵头$/;
const SPLIT_BEFORE = /^(?:相关|有关|各|其他|其它|所在|属地)/;
/** 等 before a group (等相关部门) ends the list; the group is a unit of its own. */
const GROUP_AFTER_DENG = /^(?:相关|有关|其他|其它)(?:部门|单位)/;

export interface SplitNames {
  /** Each name, and whether it is marked (牵头) inside a plain list. */
  names: { range: KeyRange; leadMark: boolean }[];
  deadline: KeyRange | null;
}

/** Splits a list of names at 、 , ; / and before 及相关部门-style groups, outside brackets. */
export function splitNames(key: string, range: KeyRange): SplitNames {
  const names: SplitNames['names'] = [];
  let deadline: KeyRange | null = null;
  let depth = 0;
  let from = range.start;
  const flush = (end: number): void => {
    const piece = trimRange(key, { start: from, end });
    if (piece.end <= piece.start) {
      return;
    }
    const text = key.slice(piece.start, piece.end);
    if (looksLikeDeadline(text)) {
      deadline ??= piece;
      return;
    }
    const cleaned = cleanName(key, piece);
    if (cleaned) {
      names.push(cleaned);
    }
  };
  for (let i = range.start; i < range.end; i++) {
    const c = key[i];
    if (c === '(' || c === '〔' || c === '[') {
      depth++;
    } else if ((c === ')' || c === '〕' || c === ']') && depth > 0) {
      depth--;
    } else if (depth === 0) {
      if (
        c === '、' ||
        c === ',' ||
        c === ';' ||
        c === '/' ||
        c === '\t' ||
        c === '\n' ||
        c === ':'
      ) {
        flush(i);
        from = i + 1;
      } else if ((c === '及' || c === '和' || c === '与') && i > from) {
        const after = key.slice(i + 1, i + 4);
        if (SPLIT_BEFORE.test(after)) {
          flush(i);
          from = i + 1;
        }
      } else if (c === '等' && i > from && GROUP_AFTER_DENG.test(key.slice(i + 1, i + 5))) {
        flush(i);
        from = i + 1;
      }
    }
  }
  flush(range.end);
  return { names, deadline };
}

function cleanName(key: string, range: KeyRange): { range: KeyRange; leadMark: boolean } | null {
  let { start, end } = range;
  let text = key.slice(start, end);
  const lead = NAME_LEAD_TRIM.exec(text);
  if (lead && text.length - lead[0].length >= 2) {
    start += lead[0].length;
    text = text.slice(lead[0].length);
  }
  let leadMark = false;
  const mark = LEAD_MARK.exec(text);
  if (mark) {
    leadMark = true;
    end -= mark[0].length;
    text = text.slice(0, text.length - mark[0].length);
  }
  const tail = NAME_TAIL_TRIM.exec(text);
  if (tail && text.length - tail[0].length >= 2) {
    end -= tail[0].length;
  }
  const trimmed = trimRange(key, { start, end });
  if (trimmed.end - trimmed.start < 2) {
    return null;
  }
  return { range: trimmed, leadMark };
}

const TRIM_CHARS = /[\s、,;:。.()“”"'\-—]/;

export function trimRange(key: string, range: KeyRange): KeyRange {
  let { start, end } = range;
  while (
    start < end &&
    TRIM_CHARS.test(key[start]) &&
    !(key[start] === '(' && hasCloserBefore(key, start, end))
  ) {
    start++;
  }
  while (
    end > start &&
    TRIM_CHARS.test(key[end - 1]) &&
    !(key[end - 1] === ')' && hasOpenerAfter(key, start, end - 1))
  ) {
    end--;
  }
  return { start, end };
}

function hasCloserBefore(key: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    if (key[i] === ')') {
      return true;
    }
  }
  return false;
}

function hasOpenerAfter(key: string, start: number, closer: number): boolean {
  for (let i = closer; i >= start; i--) {
    if (key[i] === '(') {
      return true;
    }
  }
  return false;
}
