import { findDeadline } from './deadline';
import { OutlineNode, TextLine } from './outline';
import { append, headingTitle, ParseContext } from './parse-context';
import { KeyRange } from './key-range';
import { findNotes, ResponsibilityNote } from './responsibility-note';
import { findTableRows, TableRow } from './table-rows';
import { findTargets } from './target';

/** A task found in the outline, before names and dates are resolved. */
export interface TaskSeed {
  path: string[];
  /** Key range of the title (heading text, table task cell or inline segment). */
  titleRange: KeyRange;
  /** Key ranges of the task's own text. */
  ranges: KeyRange[];
  notes: ResponsibilityNote[];
  row: TableRow | null;
  /** The outline node the task lives in, for the tree. */
  owner: OutlineNode | null;
  children: TaskSeed[];
  noteless: boolean;
}

const TASK_SECTION = /任务|举措|措施|重点工作|主要工作|工作重点|重点行动|行动计划/;
const NOT_TASK_SECTION =
  /总体要求|指导思想|基本原则|原则|目标|保障|组织实施|组织领导|实施步骤|步骤|进度安排|意义|背景|现状|形势|基础|督导|评估|考核|监督|附则|试点目的|总体思路|工作要求/;

export function flattenSeeds(seeds: TaskSeed[]): TaskSeed[] {
  const out: TaskSeed[] = [];
  const walk = (list: TaskSeed[]): void => {
    for (const s of list) {
      out.push(s);
      walk(s.children);
    }
  };
  walk(seeds);
  return out;
}

interface NodeInfo {
  node: OutlineNode;
  notes: ResponsibilityNote[];
  rows: TableRow[];
  segments: TaskSeed[];
}

/** The tasks of the outline: the items closed by a note, or the items of the task sections. */
export function collectTaskSeeds(
  ctx: ParseContext,
  roots: OutlineNode[],
  preamble: TextLine[],
): TaskSeed[] {
  const infos = new Map<OutlineNode, NodeInfo>();
  let annotatedItems = 0;
  const visit = (node: OutlineNode): void => {
    const info = readNode(ctx, node);
    infos.set(node, info);
    annotatedItems += (info.notes.length > 0 ? 1 : 0) + info.rows.length + info.segments.length;
    node.children.forEach(visit);
  };
  roots.forEach(visit);
  const preambleRows = findTableRows(ctx.k, preamble);
  annotatedItems += preambleRows.length;

  const seeds: TaskSeed[] = preambleRows.map((row, i) => rowSeed(row, [], i, null));
  const sections = taskSections(ctx, roots);
  // A plan without notes may still hold a stray bracket that reads like one; a couple of those
  // must not turn a plan of thirty unannotated items into a plan of two tasks.
  const leafCount = sections.reduce((n, s) => n + countLeaves(s), 0);
  const annotated = annotatedItems > 0 && (annotatedItems >= 3 || annotatedItems * 2 >= leafCount);
  if (annotated) {
    promoteClosingNotes(roots, infos);
    const noteSections = new Set(roots.filter((r) => subtreeHasNotes(r, infos)));
    for (const root of roots) {
      append(seeds, annotatedSeeds(ctx, root, infos, !noteSections.has(root)));
    }
  } else {
    // A short plan whose numbered sections are the tasks themselves has no deeper items.
    const flat = sections.length >= 2 && sections.every((s) => s.children.length === 0);
    for (const section of sections) {
      append(
        seeds,
        flat
          ? [nodeSeed(section, infos.get(section)?.notes ?? [], true)]
          : leafSeeds(section, infos),
      );
    }
  }
  return seeds;
}

function countLeaves(node: OutlineNode): number {
  return node.children.length === 0 ? 1 : node.children.reduce((n, c) => n + countLeaves(c), 0);
}

function readNode(ctx: ParseContext, node: OutlineNode): NodeInfo {
  const { k } = ctx;
  const notes: ResponsibilityNote[] = [];
  for (const line of node.lines) {
    append(notes, findNotes(k, line));
  }
  const rows = findTableRows(k, node.lines);
  const ownNotes =
    rows.length === 0
      ? notes
      : notes.filter((n) => !rows.some((r) => n.start >= r.line.start && n.start < r.line.end));
  const segments = inlineSegments(ctx, node, ownNotes);
  const inSegment = new Set(segments.flatMap((s) => s.notes));
  return { node, notes: ownNotes.filter((n) => !inSegment.has(n)), rows, segments };
}

const INLINE_MARKER =
  /(^|[。;:,])([一二三四五六七八九十]{1,3})是|(^|[。;:])\((\d{1,2})\)|(^|[。;:])([\u2460-\u2473])/g;
const CN_DIGITS = '一二三四五六七八九十';

/** 一是…二是… (or inline (1)(2), ①②) parts of a node that each carry their own note. */
function inlineSegments(
  ctx: ParseContext,
  node: OutlineNode,
  notes: ResponsibilityNote[],
): TaskSeed[] {
  if (notes.length < 2) {
    return [];
  }
  const { k } = ctx;
  const markers: { at: number; textStart: number; marker: string; order: number }[] = [];
  let kind: string | null = null;
  node.lines.forEach((line, i) => {
    const from = i === 0 ? line.start + node.heading.length : line.start;
    const text = k.slice(from, line.end);
    INLINE_MARKER.lastIndex = 0;
    for (let m = INLINE_MARKER.exec(text); m; m = INLINE_MARKER.exec(text)) {
      const [lead, value, markerKind] =
        m[2] !== undefined
          ? [m[1], m[2], 'cn']
          : m[4] !== undefined
            ? [m[3], m[4], 'num']
            : [m[5], m[6], 'circled'];
      kind ??= markerKind;
      if (markerKind !== kind) {
        continue;
      }
      const order =
        markerKind === 'cn'
          ? CN_DIGITS.indexOf(value) + 1 ||
            (value.length === 2 && value[0] === '十' ? 10 + CN_DIGITS.indexOf(value[1]) + 1 : 0)
          : markerKind === 'num'
            ? Number(value)
            : value.charCodeAt(0) - 0x245f;
      if (order !== markers.length + 1) {
        continue;
      }
      const at = from + m.index + lead.length;
      markers.push({
        at,
        textStart: from + m.index + m[0].length,
        marker: markerKind === 'cn' ? `${value}是` : markerKind === 'num' ? `(${value})` : value,
        order,
      });
    }
  });
  if (markers.length < 2) {
    return [];
  }
  const last = node.lines[node.lines.length - 1].end;
  const segments = markers.map((m, i) => ({
    ...m,
    end: i + 1 < markers.length ? markers[i + 1].at : last,
    notes: notes.filter(
      (n) => n.start >= m.at && n.start < (i + 1 < markers.length ? markers[i + 1].at : last),
    ),
  }));
  if (segments.filter((s) => s.notes.length > 0).length < 2) {
    return [];
  }
  return segments
    .filter((s) => s.notes.length > 0)
    .map((s) => ({
      path: [...node.path, s.marker],
      titleRange: { start: s.textStart, end: Math.min(s.end, s.notes[0].start) },
      ranges: [{ start: s.textStart, end: s.end }],
      notes: s.notes,
      row: null,
      owner: node,
      children: [],
      noteless: false,
    }));
}

/** A note standing alone after the last sub-item, with no sibling annotated, closes the parent. */
function promoteClosingNotes(roots: OutlineNode[], infos: Map<OutlineNode, NodeInfo>): void {
  const visit = (node: OutlineNode): void => {
    node.children.forEach(visit);
    const parent = node.parent;
    const info = infos.get(node);
    if (!parent || !info || info.notes.length === 0 || !info.notes.every((n) => n.standalone)) {
      return;
    }
    const parentInfo = infos.get(parent);
    const siblings = parent.children;
    if (
      !parentInfo ||
      parentInfo.notes.length > 0 ||
      siblings.length < 2 ||
      siblings[siblings.length - 1] !== node ||
      node.children.length > 0 ||
      siblings.some((s) => s !== node && subtreeHasNotes(s, infos))
    ) {
      return;
    }
    append(parentInfo.notes, info.notes);
    info.notes = [];
  };
  roots.forEach(visit);
}

function subtreeHasNotes(node: OutlineNode, infos: Map<OutlineNode, NodeInfo>): boolean {
  const info = infos.get(node);
  if (info && (info.notes.length > 0 || info.rows.length > 0 || info.segments.length > 0)) {
    return true;
  }
  return node.children.some((c) => subtreeHasNotes(c, infos));
}

function nodeSeed(node: OutlineNode, notes: ResponsibilityNote[], noteless: boolean): TaskSeed {
  const first = node.lines[0];
  return {
    path: node.path,
    titleRange: { start: first.start + node.heading.length, end: first.end },
    ranges: node.lines.map((l, i) =>
      i === 0 ? { start: l.start + node.heading.length, end: l.end } : l,
    ),
    notes,
    row: null,
    owner: node,
    children: [],
    noteless,
  };
}

function rowSeed(
  row: TableRow,
  path: string[],
  index: number,
  owner: OutlineNode | null,
): TaskSeed {
  const task = row.cells.task ?? row.line;
  return {
    path: [...path, row.serial || String(index + 1)],
    titleRange: task,
    ranges: [task],
    notes: [],
    row,
    owner,
    children: [],
    noteless: false,
  };
}

function annotatedSeeds(
  ctx: ParseContext,
  node: OutlineNode,
  infos: Map<OutlineNode, NodeInfo>,
  unannotatedSection: boolean,
): TaskSeed[] {
  const info = infos.get(node);
  if (!info) {
    return [];
  }
  const childSeeds = node.children.flatMap((c) =>
    annotatedSeeds(ctx, c, infos, unannotatedSection),
  );
  const rowSeeds = info.rows.map((row, i) => rowSeed(row, node.path, i, node));
  const own = [...rowSeeds, ...info.segments, ...childSeeds];
  if (info.notes.length > 0) {
    const seed = nodeSeed(node, info.notes, false);
    seed.children = own;
    return [seed];
  }
  if (unannotatedSection && node.children.length === 0 && bearsDatedTarget(ctx, node)) {
    return [nodeSeed(node, [], true)];
  }
  return own;
}

/** A development-focus item with no note but a dated quantitative goal (到2020年,产值达到80亿元). */
function bearsDatedTarget(ctx: ParseContext, node: OutlineNode): boolean {
  const root = rootOf(node);
  if (NOT_TASK_SECTION.test(headingTitle(ctx, root)) || node === root) {
    return false;
  }
  const seed = nodeSeed(node, [], true);
  const text = seed.ranges.map((r) => ctx.k.slice(r.start, r.end)).join('\n');
  const deadline = findDeadline(text, ctx.year);
  if (!deadline || deadline.deadline.recurrence) {
    return false;
  }
  return seed.ranges.some((r) => findTargets(ctx.k, r.start, r.end, () => '', null).length > 0);
}

function rootOf(node: OutlineNode): OutlineNode {
  let n = node;
  while (n.parent) {
    n = n.parent;
  }
  return n;
}

function taskSections(ctx: ParseContext, roots: OutlineNode[]): OutlineNode[] {
  const candidates = roots.filter((r) => !NOT_TASK_SECTION.test(headingTitle(ctx, r)));
  const named = candidates.filter((r) => TASK_SECTION.test(headingTitle(ctx, r)));
  return named.length > 0 ? named : candidates;
}

function leafSeeds(node: OutlineNode, infos: Map<OutlineNode, NodeInfo>): TaskSeed[] {
  if (node.children.length === 0) {
    const notes = infos.get(node)?.notes ?? [];
    return node.parent ? [nodeSeed(node, notes, notes.length === 0)] : [];
  }
  return node.children.flatMap((c) => leafSeeds(c, infos));
}
