import { sourceSlice, KeyText } from './key-text';
import { OutlineNode } from './outline';
import { KeyRange } from './key-range';
import { WrittenName } from './department-prefix';

/** What every step of one parse reads: the source, its key text and the plan's year. */
export interface ParseContext {
  source: string;
  key: KeyText;
  /** The key text itself, read by most rules. */
  k: string;
  year: number | null;
}

/** push(...items) with no limit on the number of items (a spread of 100,000 overflows the stack). */
export function append<T>(into: T[], items: T[]): void {
  for (const item of items) {
    into.push(item);
  }
}

export function writtenName(ctx: ParseContext, range: KeyRange): WrittenName {
  return {
    key: ctx.k.slice(range.start, range.end).replace(/\s/g, ''),
    source: compact(sourceSlice(ctx.source, ctx.key, range.start, range.end)),
  };
}

export function compact(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

export function headingTitle(ctx: ParseContext, node: OutlineNode): string {
  const line = node.lines[0];
  return ctx.k.slice(line.start + node.heading.length, Math.min(line.end, line.start + 60));
}
