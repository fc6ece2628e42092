import { PlanParseError } from './plan-parse.error';

export const MAX_PLAN_BYTES = 5 * 1024 * 1024;

export type PlanInput = string | Uint8Array;

const SAMPLE_LENGTH = 64 * 1024;

/** Decodes and checks the input; returns the text without a byte-order mark. */
export function readPlanText(input: PlanInput): string {
  const text = typeof input === 'string' ? checkString(input) : decodeBytes(input);
  if (text.trim().length === 0) {
    throw new PlanParseError('EMPTY');
  }
  return text;
}

function decodeBytes(bytes: Uint8Array): string {
  if (bytes.length > MAX_PLAN_BYTES) {
    throw new PlanParseError('TOO_LARGE', `${formatMegabytes(bytes.length)}`);
  }
  if (bytes.length === 0) {
    throw new PlanParseError('EMPTY');
  }
  if (looksBinary(bytes)) {
    throw new PlanParseError('NOT_TEXT');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PlanParseError('NOT_UTF8');
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function checkString(text: string): string {
  if (utf8Length(text) > MAX_PLAN_BYTES) {
    throw new PlanParseError('TOO_LARGE', formatMegabytes(utf8Length(text)));
  }
  const sample = text.slice(0, SAMPLE_LENGTH);
  let control = 0;
  let replacement = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) {
      throw new PlanParseError('NOT_TEXT');
    }
    if (isControl(c)) {
      control++;
    } else if (c === 0xfffd) {
      replacement++;
    }
  }
  if (control > sample.length * 0.01) {
    throw new PlanParseError('NOT_TEXT');
  }
  // Replacement characters mean the text was decoded with the wrong encoding before it got here.
  if (replacement > 8 && replacement > sample.length * 0.01) {
    throw new PlanParseError('NOT_UTF8');
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, SAMPLE_LENGTH);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b === 0) {
      return true;
    }
    if (isControl(b)) {
      control++;
    }
  }
  return control > end * 0.01;
}

function isControl(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) ||
    code === 0x7f
  );
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      bytes += 1;
    } else if (c < 0x800) {
      bytes += 2;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else {
      bytes += 3;
    }
  }
  return bytes;
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
