import { seededRandom } from '../../../testing/src/seeded-random';

export { seededRandom };

const HALF_TO_FULL: Record<string, string> = {
  '(': '（',
  ')': '）',
  ',': '，',
  ';': '；',
  ':': '：',
};
const FULL_TO_HALF: Record<string, string> = Object.fromEntries(
  Object.entries(HALF_TO_FULL).map(([half, full]) => [full, half]),
);

/**
 * The same document as another copy of it might look: other indentation, stray single spaces,
 * CRLF line ends, blank lines added or removed, a few sentences wrapped onto a new line, and
 * brackets and punctuation switched between half and full width.
 */
export function perturbText(text: string, seed: number): string {
  const random = seededRandom(seed);
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  for (const raw of lines) {
    if (raw.trim() === '' && random() < 0.5) {
      continue;
    }
    let line = swapWidths(raw, random);
    line = wrapSentences(line, random);
    line = wrapInsideNote(line, random);
    line = addStraySpaces(line, random);
    const indent = random();
    if (indent < 0.2) {
      line = `\u3000\u3000${line.trimStart()}`;
    } else if (indent < 0.3) {
      line = `    ${line.trimStart()}`;
    } else if (indent < 0.4) {
      line = line.trimStart();
    }
    if (random() < 0.1) {
      line += '  ';
    }
    out.push(line);
    if (random() < 0.15) {
      out.push('');
    }
  }
  return out.join(random() < 0.5 ? '\r\n' : '\n');
}

function swapWidths(line: string, random: () => number): string {
  let out = '';
  for (const ch of line) {
    const swapped = HALF_TO_FULL[ch] ?? FULL_TO_HALF[ch];
    out += swapped !== undefined && random() < 0.5 ? swapped : ch;
  }
  return out;
}

/** Breaks a line after an inner 。 now and then, as a hard-wrapped copy would. */
function wrapSentences(line: string, random: () => number): string {
  return line.replace(/。(?=[^\s\n])/g, (stop, offset: number) => {
    const next = line.slice(offset + 1, offset + 4);
    // A wrap right before a numbered item would make a new heading, which no real copy does.
    if (/^[\d一二三四五六七八九十①-⑳(（]/.test(next) || random() >= 0.08) {
      return stop;
    }
    return `${stop}\n`;
  });
}

/** Now and then wraps a line inside its last bracket, as a narrow page would. */
function wrapInsideNote(line: string, random: () => number): string {
  const open = Math.max(line.lastIndexOf('('), line.lastIndexOf('（'));
  const close = Math.max(line.lastIndexOf(')'), line.lastIndexOf('）'));
  if (open < 0 || close - open < 4 || random() >= 0.15) {
    return line;
  }
  const at = open + 2 + Math.floor(random() * (close - open - 3));
  return /[\d(（一二三四五六七八九十]/.test(line[at])
    ? line
    : `${line.slice(0, at)}\n${line.slice(at)}`;
}

function addStraySpaces(line: string, random: () => number): string {
  let out = '';
  let previousBlank = true;
  for (const ch of line) {
    const blank = /\s/.test(ch);
    if (!blank && !previousBlank && random() < 0.01) {
      out += ' ';
    }
    out += ch;
    previousBlank = blank;
  }
  return out;
}
