import { simplifiedCharCode } from './traditional-chars';

/**
 * A normalized view of the document that every rule reads: simplified characters, half-width
 * punctuation, no spaces inside a line (a run of two or more blanks or a tab becomes one tab, the
 * column separator of flattened tables), `\n` line ends. `origin[i]` is the offset in the source
 * text of key character i, so whatever a rule finds can be copied from the source as written.
 */
export interface KeyText {
  text: string;
  origin: Int32Array;
}

const CHUNK = 8192;

export function buildKeyText(source: string): KeyText {
  const soft = softLineBreaks(source);
  const n = source.length;
  const out = new Uint16Array(n + 1);
  const origin = new Int32Array(n + 2);
  let k = 0;
  let lineStart = true;
  let blankRun = 0;
  let blankHasTab = false;
  let blankStart = 0;
  for (let i = 0; i < n; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) {
      if (c === 0x0d && source.charCodeAt(i + 1) === 0x0a) {
        continue;
      }
      if (soft.has(i)) {
        // A line break inside an open bracket joins the lines, like a blank: 牵\n头 reads 牵头.
        continue;
      }
      out[k] = 0x0a;
      origin[k++] = i;
      lineStart = true;
      blankRun = 0;
      blankHasTab = false;
      continue;
    }
    if (isBlank(c)) {
      if (blankRun === 0) {
        blankStart = i;
      }
      blankRun++;
      blankHasTab ||= c === 0x09;
      continue;
    }
    if (blankRun > 0 && !lineStart && (blankHasTab || blankRun >= 2)) {
      out[k] = 0x09;
      origin[k++] = blankStart;
    }
    blankRun = 0;
    blankHasTab = false;
    lineStart = false;
    out[k] = normalizeCode(c);
    origin[k++] = i;
  }
  origin[k] = n;
  let text = '';
  for (let i = 0; i < k; i += CHUNK) {
    text += String.fromCharCode(...out.subarray(i, Math.min(k, i + CHUNK)));
  }
  return { text, origin: origin.subarray(0, k + 1) };
}

const MAX_OPEN_SPAN = 400;
const MAX_JOINED_LINES = 3;
const HEADING_START =
  /^[\s\u3000]*(?:[一二三四五六七八九十]+[、.．]|[(（〔][一二三四五六七八九十\d]+[)）〕]|\d+[.、．]|[\u2460-\u2473]|第[一二三四五六七八九十]+[部章])/;

/**
 * Line breaks that fall inside a bracket opened on the same line and closed soon after, as when
 * a copied page wraps a responsibility note. The next line must not start a new heading.
 */
function softLineBreaks(source: string): Set<number> {
  const soft = new Set<number>();
  let openAt = -1;
  let depth = 0;
  let joined = 0;
  for (let i = 0; i <= source.length; i++) {
    const c = i < source.length ? source.charCodeAt(i) : 0x0a;
    if (c === 0x28 || c === 0xff08 || c === 0x3014) {
      if (depth === 0) {
        openAt = i;
      }
      depth++;
    } else if ((c === 0x29 || c === 0xff09 || c === 0x3015) && depth > 0) {
      depth--;
    } else if (c === 0x0a || (c === 0x0d && source.charCodeAt(i + 1) !== 0x0a)) {
      const next = source.slice(i + 1, i + 24);
      if (
        depth > 0 &&
        i < source.length &&
        i - openAt < MAX_OPEN_SPAN &&
        joined < MAX_JOINED_LINES &&
        next.trim().length > 0 &&
        !HEADING_START.test(next)
      ) {
        soft.add(i);
        joined++;
        continue;
      }
      depth = 0;
      joined = 0;
    }
  }
  return soft;
}

/** The source text behind key range [start, end). */
export function sourceSlice(source: string, key: KeyText, start: number, end: number): string {
  if (end <= start) {
    return '';
  }
  return source.slice(key.origin[start], key.origin[end - 1] + 1);
}

function isBlank(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0x3000 ||
    c === 0xa0 ||
    c === 0x0c ||
    c === 0x0b ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0xfeff
  );
}

function normalizeCode(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) {
    return c - 0xfee0;
  }
  switch (c) {
    case 0xfe54: // ﹔
      return 0x3b;
    case 0xfe50: // ﹐
      return 0x2c;
    case 0xfe51: // ﹑
      return 0x3001;
    case 0xfe55: // ﹕
      return 0x3a;
    case 0xfe59: // ﹙
      return 0x28;
    case 0xfe5a: // ﹚
      return 0x29;
    case 0xfe5d: // ﹝
      return 0x3014;
    case 0xfe5e: // ﹞
      return 0x3015;
    case 0x3016: // 〖
      return 0x3010;
    case 0x3017: // 〗
      return 0x3011;
    case 0xff61: // ｡
      return 0x3002;
    case 0x2013: // en dash and wave dash: ranges such as 3–5
    case 0x301c:
      return 0x2d;
    default:
      return simplifiedCharCode(c);
  }
}
