import { isDepartmentLike } from './department-name';
import { indexWithin, KeyRange } from './key-range';
import { splitNames, SplitNames, trimRange } from './name-list';

export type NoteRole = 'lead' | 'support';

export interface NoteEntry {
  name: KeyRange;
  role: NoteRole;
}

/** A responsibility note found in the key text: who leads, who supports, and by when. */
export interface ResponsibilityNote extends KeyRange {
  entries: NoteEntry[];
  /** True when 牵头/配合 words or labels assign the roles; false when the first listed unit leads. */
  explicit: boolean;
  deadline: KeyRange | null;
  /** The note fills its whole line (a paragraph of its own). */
  standalone: boolean;
}

type LabelKind = 'lead' | 'support' | 'listed' | 'deadline';

const LABEL_WORDS =
  '牵头责任单位|牵头负责单位|牵头单位|牵头部门|主办单位|主责单位|主责部门|承办单位|主要责任单位|责任单位|责任部门|责任主体|实施单位|配合单位|配合部门|协办单位|协助单位|参与单位|参加单位|协作单位|协同单位|支持单位|完成时限|完成时间|完成期限|完成节点|办结时限|截止时间|时间节点|时间要求|时限要求|进度安排|时限';
const LABEL = new RegExp(
  `【(${LABEL_WORDS})】:?|\\[(${LABEL_WORDS})\\]:?|(${LABEL_WORDS}|牵头|配合):`,
  'g',
);

const ROLE_WORD = /牵头负责|牵头|配合|参与|协同|协助|共同推进/g;
const LISTED_TAIL =
  /(?:等部门|等单位|等)?(?:按职责分工负责|按照职责分工负责|按职责分工落实|按职责负责|按职能分工负责|按职能负责|分工负责|分别负责|负责落实|共同负责|具体负责|负责|落实)$/;

const MAX_NOTE_LENGTH = 400;
const MAX_NAME_LENGTH = 40;

function labelKind(word: string): LabelKind {
  if (/^(?:完成|时间|时限|进度|办结|截止)/.test(word)) {
    return 'deadline';
  }
  if (/^(?:牵头|主办|主责|承办)/.test(word)) {
    return 'lead';
  }
  if (/^(?:配合|协办|协助|参与|参加|协作|协同|支持)/.test(word)) {
    return 'support';
  }
  return 'listed';
}

interface ParsedBody {
  entries: NoteEntry[];
  explicit: boolean;
  labelled: boolean;
  listedTail: boolean;
  deadline: KeyRange | null;
  allDepartmentLike: boolean;
}

/** Finds the responsibility notes of one line (key range), in order. */
export function findNotes(key: string, line: KeyRange): ResponsibilityNote[] {
  const groups = bracketGroups(key, line);
  const notes: ResponsibilityNote[] = [];
  for (const group of groups) {
    const open = key[group.start];
    if (open === '【' || open === '[') {
      continue;
    }
    const inner = { start: group.start + 1, end: group.end - 1 };
    if (inner.end - inner.start > MAX_NOTE_LENGTH || inner.end <= inner.start) {
      continue;
    }
    const parsed = parseNoteBody(key, inner);
    if (!parsed || !acceptBracketNote(key, line, group, parsed)) {
      continue;
    }
    notes.push(toNote(key, line, group, parsed));
  }
  const labelled = labelNote(key, line, groups);
  if (labelled) {
    notes.push(labelled);
    notes.sort((a, b) => a.start - b.start);
  }
  return notes;
}

function acceptBracketNote(
  key: string,
  line: KeyRange,
  group: KeyRange,
  parsed: ParsedBody,
): boolean {
  if (parsed.entries.length === 0) {
    return false;
  }
  if (parsed.explicit || parsed.labelled || parsed.listedTail) {
    return true;
  }
  if (!parsed.allDepartmentLike) {
    return false;
  }
  const next = key[group.end];
  return group.end >= line.end || next === '。' || next === ';' || next === '.' || next === ',';
}

function toNote(
  key: string,
  line: KeyRange,
  range: KeyRange,
  parsed: ParsedBody,
): ResponsibilityNote {
  return {
    start: range.start,
    end: range.end,
    entries: parsed.entries,
    explicit: parsed.explicit,
    deadline: parsed.deadline,
    standalone: isStandalone(key, line, range),
  };
}

function isStandalone(key: string, line: KeyRange, range: KeyRange): boolean {
  if (range.start !== line.start) {
    return false;
  }
  let end = range.end;
  while (end < line.end && /[。;.,\t]/.test(key[end])) {
    end++;
  }
  return end >= line.end;
}

/** Outermost bracket groups of a line, found in one pass; unmatched closers are ignored. */
export function bracketGroups(key: string, line: KeyRange): KeyRange[] {
  const groups: KeyRange[] = [];
  const positions: number[] = [];
  const kinds: number[] = [];
  const open = [0, 0, 0, 0];
  for (let i = line.start; i < line.end; i++) {
    const c = key.charCodeAt(i);
    const opening = OPENERS.indexOf(c);
    if (opening >= 0) {
      positions.push(i);
      kinds.push(opening);
      open[opening]++;
      continue;
    }
    const closing = CLOSERS.indexOf(c);
    if (closing < 0 || open[closing] === 0) {
      continue;
    }
    let at = positions.pop();
    let kind = kinds.pop();
    while (at !== undefined && kind !== undefined && kind !== closing) {
      open[kind]--;
      at = positions.pop();
      kind = kinds.pop();
    }
    if (at === undefined) {
      continue;
    }
    open[closing]--;
    if (positions.length === 0) {
      groups.push({ start: at, end: i + 1 });
    }
  }
  return groups;
}

// ( 〔 【 [ and their closers, by position.
const OPENERS = [0x28, 0x3014, 0x3010, 0x5b];
const CLOSERS = [0x29, 0x3015, 0x3011, 0x5d];

/** Groups are outermost, so sorted and disjoint: a binary search finds the one around a position. */
function insideAny(position: number, groups: KeyRange[]): boolean {
  let lo = 0;
  let hi = groups.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const g = groups[mid];
    if (position <= g.start) {
      hi = mid - 1;
    } else if (position >= g.end) {
      lo = mid + 1;
    } else {
      return true;
    }
  }
  return false;
}

interface LabelHit {
  start: number;
  valueStart: number;
  kind: LabelKind;
}

function findLabels(key: string, range: KeyRange, groups: KeyRange[]): LabelHit[] {
  const text = key.slice(range.start, range.end);
  const hits: LabelHit[] = [];
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(text); m; m = LABEL.exec(text)) {
    const start = range.start + m.index;
    const word = m[1] ?? m[2] ?? m[3];
    if (insideAny(start, groups) || !labelStartsClause(key, start, range.start)) {
      continue;
    }
    hits.push({ start, valueStart: start + m[0].length, kind: labelKind(word) });
  }
  return hits;
}

function labelStartsClause(key: string, at: number, floor: number): boolean {
  if (at <= floor || key[at] === '【' || key[at] === '[') {
    return true;
  }
  return /[。;,:\t)】」”\s]/.test(key[at - 1]);
}

/** A note made of labels outside brackets: 牵头单位:X;配合单位:Y;完成时限:Z or 【责任单位】X. */
function labelNote(key: string, line: KeyRange, groups: KeyRange[]): ResponsibilityNote | null {
  const hits = findLabels(key, line, groups);
  if (hits.length === 0) {
    return null;
  }
  const entries: NoteEntry[] = [];
  let deadline: KeyRange | null = null;
  let explicit = false;
  let end = hits[0].valueStart;
  const hasLeadLabel = hits.some((h) => h.kind === 'lead');
  for (let h = 0; h < hits.length; h++) {
    const hit = hits[h];
    let valueEnd = h + 1 < hits.length ? hits[h + 1].start : line.end;
    const stop = indexWithin(key, '。', hit.valueStart, valueEnd);
    if (stop >= 0) {
      valueEnd = stop;
    }
    end = Math.max(end, valueEnd);
    const value = trimRange(key, { start: hit.valueStart, end: valueEnd });
    if (hit.kind === 'deadline') {
      deadline = value.end > value.start ? value : deadline;
      continue;
    }
    if (hit.kind === 'listed' && !hasLeadLabel && hasRoleWord(key, value)) {
      const free = parseFreeRegion(key, value);
      deadline ??= free.deadline;
      explicit = true;
      appendEntries(entries, free.entries);
      continue;
    }
    const names = splitNames(key, value);
    deadline ??= names.deadline;
    explicit ||= hit.kind !== 'listed';
    pushRoles(entries, names.names, hit.kind === 'listed' && hasLeadLabel ? 'support' : hit.kind);
  }
  if (entries.length === 0 && !deadline) {
    return null;
  }
  if (entries.some((e) => e.name.end - e.name.start > MAX_NAME_LENGTH)) {
    return null;
  }
  const range = { start: hits[0].start, end };
  return {
    ...range,
    entries,
    explicit,
    deadline,
    standalone: isStandalone(key, line, range),
  };
}

function pushRoles(entries: NoteEntry[], names: SplitNames['names'], kind: LabelKind): void {
  if (kind === 'lead' || kind === 'support') {
    for (const n of names) {
      entries.push({ name: n.range, role: kind });
    }
    return;
  }
  const marked = names.some((n) => n.leadMark);
  names.forEach((n, i) => {
    const lead = marked ? n.leadMark : i === 0;
    entries.push({ name: n.range, role: lead ? 'lead' : 'support' });
  });
}

/** Parses the inside of a bracket note. Returns null when it holds no names at all. */
export function parseNoteBody(key: string, inner: KeyRange): ParsedBody | null {
  const hits = findLabels(key, inner, []);
  const entries: NoteEntry[] = [];
  let deadline: KeyRange | null = null;
  let explicit = false;
  let listedTail = false;
  const regions: { range: KeyRange; kind: LabelKind | null }[] = [];
  if (hits.length === 0) {
    regions.push({ range: inner, kind: null });
  } else {
    if (hits[0].start > inner.start) {
      regions.push({ range: { start: inner.start, end: hits[0].start }, kind: null });
    }
    hits.forEach((hit, h) => {
      const end = h + 1 < hits.length ? hits[h + 1].start : inner.end;
      regions.push({ range: { start: hit.valueStart, end }, kind: hit.kind });
    });
  }
  const hasLeadLabel = hits.some((h) => h.kind === 'lead');
  for (const region of regions) {
    const range = trimRange(key, region.range);
    if (range.end <= range.start) {
      continue;
    }
    if (region.kind === 'deadline') {
      deadline = range;
      continue;
    }
    if (region.kind === 'listed' && !hasLeadLabel && hasRoleWord(key, range)) {
      // 责任单位:X牵头,Y配合 — the label names the list, the words inside give the roles.
      const free = parseFreeRegion(key, range);
      deadline ??= free.deadline;
      explicit = true;
      appendEntries(entries, free.entries);
      continue;
    }
    if (region.kind !== null) {
      const names = splitNames(key, stripListedTail(key, range).range);
      deadline ??= names.deadline;
      explicit ||= region.kind !== 'listed';
      pushRoles(
        entries,
        names.names,
        region.kind === 'listed' && hasLeadLabel ? 'support' : region.kind,
      );
      continue;
    }
    const free = parseFreeRegion(key, range);
    deadline ??= free.deadline;
    explicit ||= free.explicit;
    listedTail ||= free.listedTail;
    appendEntries(entries, free.entries);
  }
  if (entries.length === 0) {
    return null;
  }
  let allDepartmentLike = true;
  for (const e of entries) {
    const name = key.slice(e.name.start, e.name.end);
    if (name.length > MAX_NAME_LENGTH || name.includes('。')) {
      return null;
    }
    allDepartmentLike &&= isDepartmentLike(name);
  }
  return { entries, explicit, labelled: hits.length > 0, listedTail, deadline, allDepartmentLike };
}

function appendEntries(into: NoteEntry[], entries: NoteEntry[]): void {
  for (const entry of entries) {
    into.push(entry);
  }
}

/** 牵头/配合 written as a role word, not as the (牵头) mark after a name in a list. */
function hasRoleWord(key: string, range: KeyRange): boolean {
  const text = key.slice(range.start, range.end);
  ROLE_WORD.lastIndex = 0;
  for (let m = ROLE_WORD.exec(text); m; m = ROLE_WORD.exec(text)) {
    if (!isLeadMarkInsideName(key, range.start + m.index, range)) {
      return true;
    }
  }
  return false;
}

function stripListedTail(key: string, range: KeyRange): { range: KeyRange; stripped: boolean } {
  const text = key.slice(range.start, range.end);
  const m = LISTED_TAIL.exec(text);
  if (!m) {
    return { range, stripped: false };
  }
  return { range: { start: range.start, end: range.end - m[0].length }, stripped: true };
}

/** Text with 牵头/配合 words, or a plain list whose first unit leads. */
function parseFreeRegion(
  key: string,
  range: KeyRange,
): { entries: NoteEntry[]; explicit: boolean; listedTail: boolean; deadline: KeyRange | null } {
  const text = key.slice(range.start, range.end);
  const entries: NoteEntry[] = [];
  let deadline: KeyRange | null = null;
  const markers: { start: number; end: number; role: NoteRole }[] = [];
  ROLE_WORD.lastIndex = 0;
  for (let m = ROLE_WORD.exec(text); m; m = ROLE_WORD.exec(text)) {
    const start = range.start + m.index;
    if (isLeadMarkInsideName(key, start, range)) {
      continue;
    }
    markers.push({
      start,
      end: start + m[0].length,
      role: m[0].startsWith('牵头') ? 'lead' : 'support',
    });
  }
  if (markers.length === 0) {
    const tail = stripListedTail(key, range);
    const names = splitNames(key, tail.range);
    pushRoles(entries, names.names, 'listed');
    return { entries, explicit: false, listedTail: tail.stripped, deadline: names.deadline };
  }
  let from = range.start;
  for (const marker of markers) {
    const names = splitNames(key, { start: from, end: marker.start });
    deadline ??= names.deadline;
    for (const n of names.names) {
      entries.push({ name: n.range, role: marker.role });
    }
    from = marker.end;
    while (from < range.end && /[负责实施落单位]/.test(key[from])) {
      from++;
    }
  }
  if (from < range.end) {
    const rest = stripListedTail(key, { start: from, end: range.end });
    const names = splitNames(key, rest.range);
    deadline ??= names.deadline;
    for (const n of names.names) {
      if (isDepartmentLike(key.slice(n.range.start, n.range.end))) {
        entries.push({ name: n.range, role: 'support' });
      }
    }
  }
  return { entries, explicit: true, listedTail: false, deadline };
}

/** 牵头 written right after a name inside a 责任单位 list, e.g. 市科技局(牵头). */
function isLeadMarkInsideName(key: string, at: number, range: KeyRange): boolean {
  return at > range.start && key[at - 1] === '(' && key[at + 2] === ')';
}
