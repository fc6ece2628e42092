import { dominantPrefix, WrittenName } from './department-prefix';
import { readDocumentMeta } from './document-meta';
import { buildKeyText, sourceSlice } from './key-text';
import { buildOutline, OutlineNode } from './outline';
import { append, compact, headingTitle, ParseContext, writtenName } from './parse-context';
import { PlanParseError } from './plan-parse.error';
import { PlanDraft, QuantitativeTarget } from './plan-draft.types';
import { splitNames } from './name-list';
import { findTargets } from './target';
import { buildTask } from './task-builder';
import { collectTaskSeeds, flattenSeeds } from './task-selection';
import { PlanInput, readPlanText } from './text-input';

export interface ParsePlanOptions {
  /** Year for phrases such as 6月底前 when the plan names none (defaults to the plan's own year). */
  referenceYear?: number;
}

const GOAL_SECTION = /(?:主要|发展|总体|建设|工作|预期|具体)目标|目标任务|总体要求/;

/**
 * Reads an action plan and returns its draft ledger. Throws only PlanParseError: bad input has its
 * own code, and any fault of the parser itself comes out as PARSE_FAILED rather than a bare error.
 */
export function parsePlan(input: PlanInput, options: ParsePlanOptions = {}): PlanDraft {
  const source = readPlanText(input);
  try {
    return parseText(source, options);
  } catch (error) {
    if (error instanceof PlanParseError) {
      throw error;
    }
    throw new PlanParseError(
      'PARSE_FAILED',
      error instanceof Error ? error.message : String(error),
    );
  }
}

function parseText(source: string, options: ParsePlanOptions): PlanDraft {
  const key = buildKeyText(source);
  const k = key.text;
  const outline = buildOutline(k);
  const meta = readDocumentMeta(k, outline.preamble, outline.signatureLines, outline.lines);
  const titleText = meta.title ? k.slice(meta.title.start, meta.title.end) : '';
  const titleYear = /(\d{4})年/.exec(titleText);
  const year =
    options.referenceYear ??
    (titleYear ? Number(titleYear[1]) : meta.issueDate ? Number(meta.issueDate.slice(0, 4)) : null);
  const ctx: ParseContext = { source, key, k, year };

  const seeds = collectTaskSeeds(ctx, outline.roots, outline.preamble);
  const flat = flattenSeeds(seeds);
  if (flat.length === 0) {
    throw new PlanParseError('NO_TASKS');
  }
  const allNames: WrittenName[] = [];
  for (const seed of flat) {
    for (const note of seed.notes) {
      append(
        allNames,
        note.entries.map((e) => writtenName(ctx, e.name)),
      );
    }
    if (seed.row) {
      for (const cell of [seed.row.cells.lead, seed.row.cells.listed, seed.row.cells.support]) {
        if (cell) {
          append(
            allNames,
            splitNames(k, cell).names.map((n) => writtenName(ctx, n.range)),
          );
        }
      }
    }
  }
  const documentPrefix = dominantPrefix(allNames);
  const tasks = seeds.map((seed) => buildTask(ctx, seed, documentPrefix));
  const goals = collectGoals(ctx, outline.roots);
  const copy = (r: { start: number; end: number } | null): string | null =>
    r ? compact(sourceSlice(source, key, r.start, r.end)) : null;
  return {
    title: copy(meta.title),
    docNumber: copy(meta.docNumber),
    issuer: copy(meta.issuer),
    issueDate: meta.issueDate,
    goals,
    tasks,
    warnings:
      year === null ? ['The plan names no year; month-only deadlines are left unresolved.'] : [],
  };
}

function collectGoals(ctx: ParseContext, roots: OutlineNode[]): QuantitativeTarget[] {
  const goals: QuantitativeTarget[] = [];
  const copy = (s: number, e: number): string => compact(sourceSlice(ctx.source, ctx.key, s, e));
  const collect = (node: OutlineNode): void => {
    node.lines.forEach((l, i) => {
      const start = i === 0 ? l.start + node.heading.length : l.start;
      append(goals, findTargets(ctx.k, start, l.end, copy, ctx.year));
    });
    node.children.forEach(collect);
  };
  const visit = (node: OutlineNode): void => {
    if (GOAL_SECTION.test(headingTitle(ctx, node))) {
      collect(node);
      return;
    }
    node.children.forEach(visit);
  };
  roots.forEach(visit);
  return goals;
}
