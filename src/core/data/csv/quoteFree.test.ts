import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from './parse';
import { wholeNumberAt } from './quoteFree';

/** Quote-free cells: whole numbers (signs, leading zeros, -0, many digits), decimals, words, blanks. */
const cell = fc.oneof(
  fc.integer({ min: -1e6, max: 1e6 }).map(String),
  fc.constantFrom('-0', '+7', '007', '0', '', ' ', ' 5', '5 ', 'NA', 'NaN', '-', '+', 'Infinity'),
  fc.bigInt({ min: 10n ** 14n, max: 10n ** 17n }).map(String),
  fc.double({ min: -1e4, max: 1e4, noNaN: true }).map((x) => x.toFixed(3)),
  fc.constantFrom('1e3', '.5', '5.', '0x10', 'abc', 'yes', 'no', 'Genève'),
);

const line = (width: number) => fc.array(cell, { minLength: width, maxLength: width });

describe('quote-free fast path', () => {
  it('reads whole numbers exactly as Number() does, and nothing else', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.integer({ min: -1e15, max: 1e15 }), (s, n) => {
        for (const t of [s, String(n), `+${Math.abs(n)}`, `-0${Math.abs(n)}`]) {
          const v = wholeNumberAt(t, 0, t.length);
          if (!Number.isNaN(v)) expect(Object.is(v, Number(t))).toBe(true);
          else if (/^[+-]?\d{1,15}$/.test(t)) throw new Error(`missed ${t}`);
        }
      }),
    );
  });

  it('gives the same table (or the same message) as papaparse, cell by cell', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }).chain((w) =>
          fc.record({
            header: fc.oneof(
              fc.array(fc.constantFrom('a', 'b', 'label', 'x 1', ''), {
                minLength: w,
                maxLength: w,
              }),
              line(w),
            ),
            rows: fc.array(
              fc.oneof(
                { weight: 8, arbitrary: line(w) },
                { weight: 1, arbitrary: line(w + 1) },
                { weight: 1, arbitrary: fc.constant([] as string[]) },
              ),
              { maxLength: 40 },
            ),
          }),
        ),
        fc.constantFrom(',', ';', '\t', '|'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.constantFrom(undefined, true, false),
        fc.integer({ min: 3, max: 200 }),
        async ({ header, rows }, delimiter, eol, trailing, hasHeader, chunkChars) => {
          const text =
            [header, ...rows].map((r) => r.join(delimiter)).join(eol) + (trailing ? eol : '');
          const options = { delimiter, hasHeader, chunkChars };
          const fast = await parseCsvText(text, 't.csv', 'utf-8', options);
          const papa = await parseCsvText(text, 't.csv', 'utf-8', {
            ...options,
            quoteFreeFastPath: false,
          });
          expect(fast).toEqual(papa);
        },
      ),
      { numRuns: 300 },
    );
  });
});
