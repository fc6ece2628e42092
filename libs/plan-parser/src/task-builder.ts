import { findDeadline, readLabelledDeadline } from './deadline';
import { PrefixSource, restorePrefixes, WrittenName } from './department-prefix';
import { sourceSlice } from './key-text';
import { append, compact, ParseContext, writtenName } from './parse-context';
import { Deadline, LeadRule, PlanTask, QuantitativeTarget } from './plan-draft.types';
import { indexWithin, KeyRange } from './key-range';
import { splitNames } from './name-list';
import { NoteEntry, ResponsibilityNote } from './responsibility-note';
import { TableRow } from './table-rows';
import { findTargets } from './target';
import { TaskSeed } from './task-selection';

/** The task as the draft holds it: names with their jurisdiction put back, deadline, targets. */
export function buildTask(
  ctx: ParseContext,
  seed: TaskSeed,
  documentPrefix: PrefixSource | null,
): PlanTask {
  const { k } = ctx;
  const warnings: string[] = [];
  const lead: string[] = [];
  const support: string[] = [];
  let explicit = false;
  const add = (list: string[], name: string): void => {
    if (!lead.includes(name) && !support.includes(name)) {
      list.push(name);
    }
  };
  for (const note of seed.notes) {
    explicit ||= note.explicit;
    const names = restorePrefixes(
      note.entries.map((e) => writtenName(ctx, e.name)),
      documentPrefix,
    );
    note.entries.forEach((e: NoteEntry, i) => add(e.role === 'lead' ? lead : support, names[i]));
  }
  if (seed.row) {
    explicit = addRowUnits(ctx, seed.row, documentPrefix, lead, support, add) || explicit;
  }
  if (seed.notes.length > 1) {
    warnings.push('Several responsibility notes were merged into this task; check the roles.');
  }
  const text = seed.ranges.map((r) => k.slice(r.start, r.end)).join('\n');
  const deadline = taskDeadline(ctx, seed, text);
  if (deadline && deadline.date === null && deadline.recurrence === null) {
    warnings.push(`The deadline "${deadline.phrase}" could not be turned into a date.`);
  }
  const targets: QuantitativeTarget[] = [];
  const copy = (s: number, e: number): string => compact(sourceSlice(ctx.source, ctx.key, s, e));
  const deadlineYear = deadline?.date ? Number(deadline.date.slice(0, 4)) : null;
  for (const r of withoutNotes(seed.ranges, seed.notes)) {
    append(targets, findTargets(k, r.start, r.end, copy, deadlineYear));
  }
  let firstNote = Infinity;
  for (const note of seed.notes) {
    firstNote = Math.min(firstNote, note.start);
  }
  const title = titleOf(ctx, seed.titleRange, firstNote);
  if (lead.length === 0 && !seed.noteless) {
    warnings.push('No lead department was found; assign one in review.');
  }
  const spanStart =
    ctx.key.origin[seed.owner && !seed.row ? seed.owner.lines[0].start : seed.ranges[0].start];
  const lastRange = seed.ranges[seed.ranges.length - 1];
  const spanEnd =
    lastRange.end > lastRange.start ? ctx.key.origin[lastRange.end - 1] + 1 : spanStart;
  const leadRule: LeadRule = seed.noteless ? 'none' : explicit ? 'explicit' : 'first-listed';
  return {
    number: seed.path.join('.'),
    path: seed.path,
    level: seed.path.length,
    title,
    body: ctx.source.slice(ctx.key.origin[seed.ranges[0].start], spanEnd).trim(),
    lead,
    support,
    leadRule,
    deadline,
    targets,
    span: { start: spanStart, end: spanEnd },
    warnings,
    children: seed.children.map((c) => buildTask(ctx, c, documentPrefix)),
  };
}

/** The task's own text with its responsibility notes cut out, so no clause runs into a note. */
function withoutNotes(ranges: KeyRange[], notes: ResponsibilityNote[]): KeyRange[] {
  if (notes.length === 0) {
    return ranges;
  }
  // Ranges and notes both run in document order, so one pointer walks the notes once.
  const sorted = [...notes].sort((a, b) => a.start - b.start);
  const out: KeyRange[] = [];
  let n = 0;
  for (const range of ranges) {
    let from = range.start;
    while (n < sorted.length && sorted[n].end <= from) {
      n++;
    }
    let m = n;
    while (m < sorted.length && sorted[m].start < range.end) {
      if (sorted[m].start > from) {
        out.push({ start: from, end: sorted[m].start });
      }
      from = Math.max(from, sorted[m].end);
      m++;
    }
    if (from < range.end) {
      out.push({ start: from, end: range.end });
    }
  }
  return out;
}

function addRowUnits(
  ctx: ParseContext,
  row: TableRow,
  documentPrefix: PrefixSource | null,
  lead: string[],
  support: string[],
  add: (list: string[], name: string) => void,
): boolean {
  const { k } = ctx;
  const cells: { cell: KeyRange | undefined; role: 'lead' | 'support' | 'listed' }[] = [
    { cell: row.cells.lead, role: 'lead' },
    { cell: row.cells.listed, role: 'listed' },
    { cell: row.cells.support, role: 'support' },
  ];
  const written: { name: WrittenName; role: 'lead' | 'support' }[] = [];
  let explicit = false;
  for (const { cell, role } of cells) {
    if (!cell) {
      continue;
    }
    const names = splitNames(k, cell).names;
    const marked = names.some((n) => n.leadMark);
    names.forEach((n, i) => {
      const r = role === 'listed' ? ((marked ? n.leadMark : i === 0) ? 'lead' : 'support') : role;
      written.push({ name: writtenName(ctx, n.range), role: r });
    });
    explicit ||= role !== 'listed';
  }
  const restored = restorePrefixes(
    written.map((w) => w.name),
    documentPrefix,
  );
  written.forEach((w, i) => add(w.role === 'lead' ? lead : support, restored[i]));
  return explicit;
}

function taskDeadline(ctx: ParseContext, seed: TaskSeed, text: string): Deadline | null {
  const { k } = ctx;
  const labelled = seed.row?.cells.deadline ?? seed.notes.find((n) => n.deadline)?.deadline ?? null;
  const year = contextYear(text) ?? ctx.year;
  if (labelled) {
    const phrase = compact(sourceSlice(ctx.source, ctx.key, labelled.start, labelled.end)).replace(
      /[。;,]+$/,
      '',
    );
    return { phrase, ...readLabelledDeadline(k.slice(labelled.start, labelled.end), year) };
  }
  for (const r of withoutNotes(seed.ranges, seed.notes)) {
    const hit = findDeadline(k.slice(r.start, r.end), year);
    if (hit) {
      const phrase =
        hit.phrase ??
        compact(sourceSlice(ctx.source, ctx.key, r.start + hit.start, r.start + hit.end));
      return { phrase, ...hit.deadline };
    }
  }
  return null;
}

function contextYear(text: string): number | null {
  const m = /(\d{4})年/.exec(text);
  return m ? Number(m[1]) : null;
}

function titleOf(ctx: ParseContext, range: KeyRange, firstNote: number): string {
  const { k } = ctx;
  let end = range.end;
  const stop = indexWithin(k, '。', range.start, end);
  if (stop >= 0) {
    end = stop;
  }
  if (firstNote > range.start && firstNote < end) {
    end = firstNote;
  }
  const nl = indexWithin(k, '\n', range.start, end);
  if (nl >= 0) {
    end = nl;
  }
  return sourceSlice(ctx.source, ctx.key, range.start, end)
    .trim()
    .replace(/^[、.\s]+/, '')
    .replace(/[。;,:\s]+$/, '');
}
