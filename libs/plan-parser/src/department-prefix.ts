import { jurisdictionPrefix, takesElidedPrefix } from './department-name';

/** One name of a note: its key-text spelling (for the rules) and its source spelling (for output). */
export interface WrittenName {
  key: string;
  source: string;
}

export interface PrefixSource {
  key: string;
  source: string;
}

/**
 * Puts back the jurisdiction a list writes once and then leaves off (市发展改革委、工信委 → 市工信委).
 * A name with no written prefix before it takes the document's usual prefix, when there is one.
 */
export function restorePrefixes(
  names: WrittenName[],
  documentPrefix: PrefixSource | null,
): string[] {
  let current: PrefixSource | null = null;
  return names.map((name) => {
    const own = jurisdictionPrefix(name.key);
    if (own) {
      current = { key: own, source: name.source.slice(0, own.length) };
      return name.source;
    }
    if (!takesElidedPrefix(name.key)) {
      return name.source;
    }
    const prefix = current ?? documentPrefix;
    return prefix ? prefix.source + name.source : name.source;
  });
}

/** The prefix most names of the document are written with, when one clearly dominates. */
export function dominantPrefix(names: WrittenName[]): PrefixSource | null {
  const counts = new Map<string, { count: number; source: string }>();
  let total = 0;
  for (const name of names) {
    const prefix = jurisdictionPrefix(name.key);
    if (!prefix) {
      continue;
    }
    total++;
    const entry = counts.get(prefix) ?? { count: 0, source: name.source.slice(0, prefix.length) };
    entry.count++;
    counts.set(prefix, entry);
  }
  let best: PrefixSource | null = null;
  let bestCount = 0;
  for (const [key, entry] of counts) {
    if (entry.count > bestCount) {
      best = { key, source: entry.source };
      bestCount = entry.count;
    }
  }
  return bestCount >= 2 && bestCount * 2 >= total ? best : null;
}
