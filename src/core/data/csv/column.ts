/**
 * Column storage of a parsed CSV. A column whose cells are numbers (or missing) is kept
 * as a Float64Array, never as strings: the 60,000 × 785 Fashion-MNIST CSV would
 * otherwise hold 47 million string objects. A column with many non-numbers is text.
 */

export type CsvColumn =
  | {
      kind: 'numbers';
      /** NaN where the cell is missing or not a finite number. */
      values: Float64Array;
      /** Text of the present cells that are not finite numbers ("abc", "NaN", "Infinity"), by row. */
      bad: Map<number, string>;
    }
  | { kind: 'text'; values: string[] };

const MISSING = new Set(['', 'na', 'n/a', 'null', 'none', '?', '-']);

/** Whether a cell counts as missing (empty, NA, null, ?, …). */
export function isMissing(cell: string): boolean {
  return MISSING.has(cell.trim().toLowerCase());
}

/** The number in a cell, or NaN (missing, text, NaN, ±Infinity). */
export function cellNumber(cell: string): number {
  const t = cell.trim();
  if (t === '') return NaN;
  const v = Number(t);
  return Number.isFinite(v) ? v : NaN;
}

export function columnLength(c: CsvColumn): number {
  return c.values.length;
}

/** A cell as text (numbers in their shortest form; missing numbers as ''). */
export function cellText(c: CsvColumn, r: number): string {
  if (c.kind === 'text') return c.values[r] ?? '';
  const v = c.values[r]!;
  return Number.isNaN(v) ? (c.bad.get(r) ?? '') : String(v);
}

/** A cell as a finite number, or NaN. */
export function cellValue(c: CsvColumn, r: number): number {
  return c.kind === 'numbers' ? c.values[r]! : cellNumber(c.values[r] ?? '');
}

/** Every cell as text (for small columns and tests). */
export function columnTexts(c: CsvColumn): string[] {
  return Array.from({ length: columnLength(c) }, (_, r) => cellText(c, r));
}

/** A column from cell texts, stored as numbers when it is numeric. */
export function columnFromTexts(cells: readonly string[]): CsvColumn {
  const b = new ColumnBuilder();
  for (const cell of cells) b.push(cell);
  return b.finish();
}

// Past this many non-numbers (and 10% of rows) a column is text for good.
const MAX_BAD_NUMBERS = 50;
// Interning repeated category strings keeps one copy of each; unbounded sets would not help.
const MAX_INTERNED = 10_000;

/** Collects one column's cells as they are parsed, as numbers while it can. */
export class ColumnBuilder {
  private numbers: Float64Array | null = new Float64Array(1024);
  private bad = new Map<number, string>();
  private texts: string[] = [];
  private interned = new Map<string, string>();
  private n = 0;

  push(cell: string): void {
    if (this.numbers) {
      // Fast path: most cells of a numeric column are plain numbers (Number() ignores
      // surrounding spaces; only an all-space cell gives 0 without being one).
      const fast = cell.length > 0 ? +cell : NaN;
      if (fast - fast === 0 && (fast !== 0 || cell.trim() !== '')) {
        this.append(fast);
        return;
      }
      const t = cell.trim();
      let v = NaN;
      if (!MISSING.has(t.toLowerCase())) {
        v = Number(t);
        if (!Number.isFinite(v)) {
          v = NaN;
          this.bad.set(this.n, t);
          if (this.bad.size > MAX_BAD_NUMBERS && this.bad.size > this.n * 0.1) {
            this.toText();
            this.pushText(cell);
            return;
          }
        }
      }
      this.append(v);
      return;
    }
    this.pushText(cell);
  }

  /**
   * Appends a cell already read as a finite number (the quote-free fast path); false when
   * the column is text by now, and the caller pushes the cell's text instead.
   */
  pushNumber(v: number): boolean {
    if (!this.numbers) return false;
    this.append(v);
    return true;
  }

  private append(v: number): void {
    let numbers = this.numbers!;
    if (this.n === numbers.length) {
      numbers = new Float64Array(numbers.length * 2);
      numbers.set(this.numbers!);
      this.numbers = numbers;
    }
    numbers[this.n++] = v;
  }

  private pushText(cell: string): void {
    let s = this.interned.get(cell);
    if (s === undefined) {
      // A flat copy, so the cell does not keep the whole parsed chunk alive.
      s = (' ' + cell).slice(1);
      if (this.interned.size < MAX_INTERNED) this.interned.set(s, s);
    }
    this.texts.push(s);
    this.n++;
  }

  private toText(): void {
    const numbers = this.numbers!;
    this.numbers = null;
    for (let r = 0; r < this.n; r++) {
      const v = numbers[r]!;
      this.texts.push(Number.isNaN(v) ? (this.bad.get(r) ?? '') : String(v));
    }
    this.bad.clear();
  }

  finish(): CsvColumn {
    if (this.numbers) {
      return { kind: 'numbers', values: this.numbers.slice(0, this.n), bad: this.bad };
    }
    return { kind: 'text', values: this.texts };
  }
}
