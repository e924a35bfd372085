/**
 * The fast path for files without a single quote character (most numeric exports, e.g.
 * Fashion-MNIST as CSV): lines and fields are found with indexOf, and whole-number cells
 * are read straight from the text without making a string per cell. Papaparse splits
 * such text the same way (its "fast mode"), so the result is the same table; the
 * property test in parse.test.ts checks that cell by cell.
 */

const ZERO = 48;
const NINE = 57;
const MINUS = 45;
const PLUS = 43;
// 15 digits always fit a double exactly.
const MAX_DIGITS = 15;

/**
 * The value of text[a, b) when it is a plain whole number ([+-]?digits, at most 15
 * digits), exactly as Number() reads it (so "-0" is -0); NaN for any other cell.
 */
export function wholeNumberAt(text: string, a: number, b: number): number {
  let i = a;
  let negative = false;
  const first = text.charCodeAt(i);
  if (first === MINUS || first === PLUS) {
    negative = first === MINUS;
    i++;
  }
  if (i === b || b - i > MAX_DIGITS) return NaN;
  let v = 0;
  for (; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c < ZERO || c > NINE) return NaN;
    v = v * 10 + (c - ZERO);
  }
  return negative ? -v : v;
}

/** Fields in text[start, end) separated by a one-character delimiter. */
export function countFields(text: string, start: number, end: number, delimiter: string): number {
  let count = 1;
  for (
    let i = text.indexOf(delimiter, start);
    i !== -1 && i < end;
    i = text.indexOf(delimiter, i + 1)
  ) {
    count++;
  }
  return count;
}

export interface QuoteFreeHooks {
  /** One line, text[start, end) without its line break. */
  line(start: number, end: number): void;
  /** After about every `chunkChars` characters; resolves to false to stop (cancelled). */
  betweenChunks(position: number): Promise<boolean>;
}

/** Walks the lines of quote-free text, pausing between chunks. False when stopped. */
export async function walkLines(
  text: string,
  newline: string,
  chunkChars: number,
  hooks: QuoteFreeHooks,
): Promise<boolean> {
  let pos = 0;
  let nextPause = chunkChars;
  for (;;) {
    let end = text.indexOf(newline, pos);
    const last = end === -1;
    if (last) end = text.length;
    hooks.line(pos, end);
    if (last) return true;
    pos = end + newline.length;
    if (pos >= nextPause) {
      nextPause = pos + chunkChars;
      if (!(await hooks.betweenChunks(pos))) return false;
    }
  }
}
