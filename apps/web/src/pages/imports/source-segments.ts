/** A task's place in the source text (UTF-16 offsets, as the api's spans are). */
export interface TaskSpan {
  number: string;
  start: number;
  end: number;
}

/** A run of the source covered by the same tasks (none: text between items). */
export interface SourceSegment {
  start: number;
  end: number;
  text: string;
  /** Tasks whose span covers the run, in the order given (a parent's span may hold a child's). */
  numbers: string[];
}

/**
 * Cuts the source into runs at every span's start and end, so each run is highlighted for the
 * tasks covering it. Spans out of the text are clipped; empty ones mark nothing.
 */
export function sourceSegments(text: string, spans: readonly TaskSpan[]): SourceSegment[] {
  const clipped = spans
    .map((span) => ({
      number: span.number,
      start: Math.max(0, Math.min(span.start, text.length)),
      end: Math.max(0, Math.min(span.end, text.length)),
    }))
    .filter((span) => span.end > span.start);
  const cuts = new Set<number>([0, text.length]);
  for (const span of clipped) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: SourceSegment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    const numbers = clipped
      .filter((span) => span.start <= start && span.end >= end)
      .map((span) => span.number);
    const last = segments.at(-1);
    // Neighbouring runs with the same tasks are one run (fewer elements in a long plan).
    if (last && last.end === start && sameNumbers(last.numbers, numbers)) {
      last.end = end;
      last.text = text.slice(last.start, end);
    } else {
      segments.push({ start, end, text: text.slice(start, end), numbers });
    }
  }
  return segments;
}

function sameNumbers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}
