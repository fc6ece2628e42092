/** A range [start, end) of the key text. */
export interface KeyRange {
  start: number;
  end: number;
}

/** indexOf limited to [from, to), so a search never runs past the text it belongs to. */
export function indexWithin(key: string, ch: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    if (key[i] === ch) {
      return i;
    }
  }
  return -1;
}
