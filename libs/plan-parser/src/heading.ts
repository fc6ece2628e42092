export type HeadingStyle =
  'part' | 'cn' | 'cn-paren' | 'num' | 'num-paren' | 'num-half-paren' | 'circled';

export interface HeadingMatch {
  style: HeadingStyle;
  /** The marker as it goes into a task number: 一, (一), 1, (1), ①. */
  marker: string;
  /** Length of the marker and its trailing 、 . or blank in the key line. */
  length: number;
}

const CN_NUMERAL = '[一二三四五六七八九十百零〇]{1,4}';
const PART = new RegExp(`^(第${CN_NUMERAL}(?:部分|章|篇))[、.:\\t]?`);
const CN = new RegExp(`^(${CN_NUMERAL})[、.\\t](?!\\d)`);
const CN_PAREN = new RegExp(`^\\((${CN_NUMERAL})\\)[、.\\t]?`);
const CN_LENTICULAR = new RegExp(`^[〔【](${CN_NUMERAL})[〕】][、.\\t]?`);
const NUM = /^(\d{1,3})(?:[、.](?![\d%])|\t)/;
const NUM_PAREN = /^\((\d{1,3})\)[、.\t]?/;
const NUM_HALF_PAREN = /^(\d{1,3})\)(?![\d%])/;
const CIRCLED = /^([\u2460-\u2473\u2776-\u277f])[、.\t]?/;

/** Recognizes a numbered heading at the start of a key-text line. */
export function detectHeading(line: string): HeadingMatch | null {
  const first = line.charCodeAt(0);
  if (first === 0x28) {
    let m = CN_PAREN.exec(line);
    if (m) {
      return { style: 'cn-paren', marker: `(${m[1]})`, length: m[0].length };
    }
    m = NUM_PAREN.exec(line);
    if (m) {
      return { style: 'num-paren', marker: `(${m[1]})`, length: m[0].length };
    }
    return null;
  }
  if (first >= 0x30 && first <= 0x39) {
    let m = NUM.exec(line);
    if (m && line.length > m[0].length) {
      return { style: 'num', marker: m[1], length: m[0].length };
    }
    m = NUM_HALF_PAREN.exec(line);
    if (m && line.length > m[0].length) {
      return { style: 'num-half-paren', marker: `${m[1]})`, length: m[0].length };
    }
    return null;
  }
  let m = CN.exec(line);
  if (m) {
    return { style: 'cn', marker: m[1], length: m[0].length };
  }
  m = CN_LENTICULAR.exec(line);
  if (m) {
    return { style: 'cn-paren', marker: `(${m[1]})`, length: m[0].length };
  }
  m = PART.exec(line);
  if (m) {
    return { style: 'part', marker: m[1], length: m[0].length };
  }
  m = CIRCLED.exec(line);
  if (m) {
    return { style: 'circled', marker: m[1], length: m[0].length };
  }
  return null;
}
