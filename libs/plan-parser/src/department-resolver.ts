import { jurisdictionPrefix } from './department-name';
import { toSimplified } from './traditional-chars';

/** One department of the office's directory. */
export interface DirectoryEntry {
  id: string;
  name: string;
  aliases?: string[];
  shortNames?: string[];
}

export type ResolutionMethod = 'exact' | 'alias' | 'prefix-restored' | 'traditional' | 'unresolved';

export interface DepartmentSuggestion {
  id: string;
  name: string;
  /** 0..1, higher is closer. */
  score: number;
}

export interface DepartmentResolution {
  /** The name as extracted from the plan. */
  written: string;
  method: ResolutionMethod;
  departmentId: string | null;
  /** Closest directory entries, best first; filled when the name is unresolved. */
  suggestions: DepartmentSuggestion[];
}

export interface ResolveOptions {
  /** Jurisdiction to try in front of a bare name (e.g. 市); defaults to the directory's usual one. */
  prefix?: string;
  maxSuggestions?: number;
}

/** One spelling for names that differ only in width, spaces or bracket shape. */
export function normalizeDepartmentName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u3000]/g, '')
    .replace(/[〔【［]/g, '(')
    .replace(/[〕】］]/g, ')');
}

interface Index {
  byName: Map<string, DirectoryEntry>;
  byAlias: Map<string, DirectoryEntry>;
  prefix: string | null;
}

function buildIndex(directory: DirectoryEntry[]): Index {
  const byName = new Map<string, DirectoryEntry>();
  const byAlias = new Map<string, DirectoryEntry>();
  const prefixes = new Map<string, number>();
  for (const entry of directory) {
    byName.set(normalizeDepartmentName(entry.name), entry);
    for (const alias of [...(entry.aliases ?? []), ...(entry.shortNames ?? [])]) {
      byAlias.set(normalizeDepartmentName(alias), entry);
    }
    const p = jurisdictionPrefix(normalizeDepartmentName(entry.name));
    if (p) {
      prefixes.set(p, (prefixes.get(p) ?? 0) + 1);
    }
  }
  let prefix: string | null = null;
  let best = 0;
  for (const [p, n] of prefixes) {
    if (n > best) {
      prefix = p;
      best = n;
    }
  }
  return { byName, byAlias, prefix };
}

function lookup(index: Index, name: string): { entry: DirectoryEntry; alias: boolean } | null {
  const exact = index.byName.get(name);
  if (exact) {
    return { entry: exact, alias: false };
  }
  const alias = index.byAlias.get(name);
  return alias ? { entry: alias, alias: true } : null;
}

/**
 * Matches extracted names to the directory: exact name, alias or short name, the name with the
 * jurisdiction put back (工信委 → 市工信委), or its simplified spelling. Anything else comes back
 * unresolved with the closest entries, for the office to confirm in review.
 */
export function resolveDepartments(
  names: string[],
  directory: DirectoryEntry[],
  options: ResolveOptions = {},
): DepartmentResolution[] {
  const index = buildIndex(directory);
  const prefix = options.prefix ?? index.prefix;
  const max = options.maxSuggestions ?? 5;
  return names.map((written) => {
    const name = normalizeDepartmentName(written);
    const direct = lookup(index, name);
    if (direct) {
      return resolved(written, direct.alias ? 'alias' : 'exact', direct.entry.id);
    }
    if (prefix && !jurisdictionPrefix(name)) {
      const withPrefix = lookup(index, prefix + name);
      if (withPrefix) {
        return resolved(written, 'prefix-restored', withPrefix.entry.id);
      }
    }
    const simplified = toSimplified(name);
    if (simplified !== name) {
      const converted =
        lookup(index, simplified) ??
        (prefix && !jurisdictionPrefix(simplified) ? lookup(index, prefix + simplified) : null);
      if (converted) {
        return resolved(written, 'traditional', converted.entry.id);
      }
    }
    return {
      written,
      method: 'unresolved',
      departmentId: null,
      suggestions: suggest(simplified, directory, prefix, max),
    };
  });
}

function resolved(written: string, method: ResolutionMethod, id: string): DepartmentResolution {
  return { written, method, departmentId: id, suggestions: [] };
}

const MIN_SUGGESTION_SCORE = 0.3;

function suggest(
  name: string,
  directory: DirectoryEntry[],
  prefix: string | null,
  max: number,
): DepartmentSuggestion[] {
  const target = stripPrefix(name, prefix);
  const scored: DepartmentSuggestion[] = [];
  for (const entry of directory) {
    const spellings = [entry.name, ...(entry.aliases ?? []), ...(entry.shortNames ?? [])];
    let score = 0;
    for (const spelling of spellings) {
      score = Math.max(
        score,
        similarity(target, stripPrefix(normalizeDepartmentName(spelling), prefix)),
      );
    }
    if (score >= MIN_SUGGESTION_SCORE) {
      scored.push({ id: entry.id, name: entry.name, score: Math.round(score * 1000) / 1000 });
    }
  }
  scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  return scored.slice(0, max);
}

function stripPrefix(name: string, prefix: string | null): string {
  const own = jurisdictionPrefix(name);
  if (own) {
    return name.slice(own.length);
  }
  return prefix && name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

/** Dice coefficient over character bigrams (single characters for one-character names). */
export function similarity(a: string, b: string): number {
  if (a === b) {
    return 1;
  }
  const grams = (s: string): Map<string, number> => {
    const m = new Map<string, number>();
    const chars = [...s];
    if (chars.length < 2) {
      chars.forEach((c) => m.set(c, (m.get(c) ?? 0) + 1));
      return m;
    }
    for (let i = 0; i + 1 < chars.length; i++) {
      const g = chars[i] + chars[i + 1];
      m.set(g, (m.get(g) ?? 0) + 1);
    }
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let shared = 0;
  let total = 0;
  for (const [g, n] of ga) {
    shared += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) {
    total += n;
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/**
 * The entry with a name the office confirmed as another spelling of it. Pure: returns a new entry;
 * storing it is the caller's job. An alias equal to the name or already known changes nothing.
 */
export function withConfirmedAlias(entry: DirectoryEntry, alias: string): DirectoryEntry {
  const normalized = normalizeDepartmentName(alias);
  const known = [entry.name, ...(entry.aliases ?? []), ...(entry.shortNames ?? [])].map(
    normalizeDepartmentName,
  );
  if (normalized.length === 0 || known.includes(normalized)) {
    return entry;
  }
  return { ...entry, aliases: [...(entry.aliases ?? []), alias.trim()] };
}
