import { detectHeading, HeadingMatch, HeadingStyle } from './heading';
import { isTableHeader } from './table-rows';
import { isDateLine, isIssuerLine, isWebDebris } from './web-debris';

/** A line of the key text. */
export interface TextLine {
  start: number;
  end: number;
}

export interface OutlineNode {
  heading: HeadingMatch;
  path: string[];
  level: number;
  /** The heading line first, then the body lines up to the next heading. */
  lines: TextLine[];
  children: OutlineNode[];
  parent: OutlineNode | null;
}

export interface Outline {
  /** Lines before the first heading (title, document number, addressees). */
  preamble: TextLine[];
  roots: OutlineNode[];
  /** Every kept line, in order. */
  lines: TextLine[];
  /** Dropped date and signature lines, for the document's metadata. */
  signatureLines: TextLine[];
}

export function buildOutline(key: string): Outline {
  const lines = splitLines(key);
  const preamble: TextLine[] = [];
  const signatureLines: TextLine[] = [];
  const kept: TextLine[] = [];
  const roots: OutlineNode[] = [];
  const stack: { style: HeadingStyle; node: OutlineNode }[] = [];
  let inTable = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const text = key.slice(line.start, Math.min(line.end, line.start + 120));
    if (line.end === line.start || isWebDebris(text)) {
      continue;
    }
    if (isDateLine(text)) {
      signatureLines.push(line);
      continue;
    }
    if (isIssuerLine(text) && i + 1 < lines.length && isDateLine(nextText(key, lines, i))) {
      signatureLines.push(line);
      continue;
    }
    kept.push(line);
    // Rows of a flattened table start with their 序号 and must not read as headings.
    const hasTab = text.includes('\t') || text.includes('|');
    inTable = hasTab && (inTable || isTableHeader(key, line));
    const heading = inTable ? null : detectHeading(text);
    if (heading) {
      let at = stack.findIndex((entry) => entry.style === heading.style);
      if (at < 0) {
        at = stack.length;
      }
      stack.length = at;
      const parent = at > 0 ? stack[at - 1].node : null;
      const node: OutlineNode = {
        heading,
        path: [...(parent?.path ?? []), heading.marker],
        level: at + 1,
        lines: [line],
        children: [],
        parent,
      };
      (parent ? parent.children : roots).push(node);
      stack.push({ style: heading.style, node });
      continue;
    }
    const current = stack.length > 0 ? stack[stack.length - 1].node : null;
    if (current) {
      current.lines.push(line);
    } else {
      preamble.push(line);
    }
  }
  return { preamble, roots, lines: kept, signatureLines };
}

function nextText(key: string, lines: TextLine[], i: number): string {
  for (let j = i + 1; j < lines.length; j++) {
    if (lines[j].end > lines[j].start) {
      return key.slice(lines[j].start, Math.min(lines[j].end, lines[j].start + 40));
    }
  }
  return '';
}

function splitLines(key: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  for (;;) {
    const nl = key.indexOf('\n', start);
    if (nl < 0) {
      lines.push({ start, end: key.length });
      return lines;
    }
    lines.push({ start, end: nl });
    start = nl + 1;
  }
}
