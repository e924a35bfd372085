import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { columnFromTexts, columnTexts } from './column';
import { decodeCsvBytes } from './decode';
import { DELIMITERS, parseCsvBytes, parseCsvText, sniffDelimiter } from './parse';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Columns of rows as the typed storage keeps them (numbers by value, text exactly). */
const typedColumns = (rows: string[][]) =>
  rows[0]!.map((_, j) => columnTexts(columnFromTexts(rows.map((r) => r[j]!))));

/** Writes a table as CSV: quotes where needed (or always), the given line ending. */
function writeCsv(rows: string[][], delimiter: string, quoteAll: boolean, eol: string): string {
  const quote = (cell: string) =>
    quoteAll || /["\r\n,;\t|]/.test(cell) || cell.trim() !== cell
      ? `"${cell.replace(/"/g, '""')}"`
      : cell;
  return rows.map((r) => r.map(quote).join(delimiter)).join(eol);
}

const cellChars = fc.constantFrom(...Array.from('ab xyz019.-é😀"\n\r,;\t|'), '\r\n');
const cell = fc.array(cellChars, { maxLength: 6 }).map((cs) => cs.join(''));
const plainCell = fc
  .array(fc.constantFrom(...'abcXYZ019.-é '.split('')), { minLength: 1, maxLength: 6 })
  .map((cs) => cs.join(''));

function table(cellArb: fc.Arbitrary<string>) {
  return fc.integer({ min: 2, max: 5 }).chain((width) =>
    fc.record({
      header: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/), {
        minLength: width,
        maxLength: width,
      }),
      rows: fc.array(fc.array(cellArb, { minLength: width, maxLength: width }), {
        minLength: 1,
        maxLength: 12,
      }),
    }),
  );
}

describe('CSV parsing', () => {
  it('round trip: delimiter, quoting, embedded newlines, BOM and CRLF parse back equal, as papaparse does', async () => {
    await fc.assert(
      fc.asyncProperty(
        table(cell),
        fc.constantFrom(...DELIMITERS),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 3, max: 64 }),
        async ({ header, rows }, delimiter, quoteAll, eol, bom, trailingEol, chunkChars) => {
          // A row of one empty cell is a blank line in CSV: it cannot round-trip.
          const text =
            writeCsv([header, ...rows], delimiter, quoteAll, eol) + (trailingEol ? eol : '');
          const bytes = utf8((bom ? '\uFEFF' : '') + text);
          const out = await parseCsvBytes(bytes, 't.csv', {
            hasHeader: true,
            delimiter,
            chunkChars,
          });
          expect(out.ok).toBe(true);
          if (!out.ok) return;
          expect(out.table.headers).toEqual(header);
          // Text columns come back exactly; numeric columns as the same numbers.
          const back = out.table.columns.map(columnTexts);
          expect(back).toEqual(typedColumns(rows));
          // papaparse alone, in one piece, agrees cell by cell.
          const papa = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true }).data;
          expect(papa.slice(1)).toEqual(rows);
          expect(back).toEqual(typedColumns(papa.slice(1)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('sniffs comma, semicolon, tab and pipe', async () => {
    await fc.assert(
      fc.asyncProperty(
        table(plainCell),
        fc.constantFrom(...DELIMITERS),
        async ({ header, rows }, d) => {
          const text = writeCsv([header, ...rows], d, false, '\n');
          expect(sniffDelimiter(text)).toBe(d);
          const out = await parseCsvText(text, 't.csv', 'utf-8', { hasHeader: true });
          expect(out.ok && out.table.columns.map((c) => columnTexts(c)[0])).toEqual(
            typedColumns(rows).map((c) => c[0]),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('detects the header row, and the override wins', async () => {
    const text = '1,2,a\n3,4,b\n';
    const auto = await parseCsvText(text, 'n.csv', 'utf-8');
    expect(auto.ok && auto.table.headers).toEqual(['column 1', 'column 2', 'column 3']);
    expect(auto.ok && auto.table.nRows).toBe(2);
    const named = await parseCsvText('x,y,label\n1,2,a\n', 'h.csv', 'utf-8');
    expect(named.ok && named.table.headers).toEqual(['x', 'y', 'label']);
    const forced = await parseCsvText('x,y,label\n1,2,a\n', 'h.csv', 'utf-8', { hasHeader: false });
    expect(forced.ok && forced.table.nRows).toBe(2);
  });

  it('decodes UTF-16 by BOM or NUL pattern, and non-UTF-8 as Windows-1252 with a warning', () => {
    const text = 'nom,qualité\nGenève,1\n';
    const le = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) le[2 * i] = text.charCodeAt(i);
    const be = le.map((_, i) => le[i ^ 1]!);
    for (const [bytes, enc] of [
      [le, 'utf-16le'],
      [be, 'utf-16be'],
      [Uint8Array.from([0xff, 0xfe, ...le]), 'utf-16le'],
    ] as const) {
      const d = decodeCsvBytes(bytes, 'u.csv');
      expect(d.ok && [d.text, d.encoding]).toEqual([text, enc]);
    }
    const latin1 = Uint8Array.from(text, (c) => c.charCodeAt(0));
    const d = decodeCsvBytes(latin1, 'l.csv');
    expect(d.ok && d.text).toBe(text);
    expect(d.ok && d.warnings[0]).toMatch(/l\.csv is not valid UTF-8.*Windows-1252/);
  });

  it('refuses empty, binary and HTML files with a message naming the file', () => {
    expect(decodeCsvBytes(new Uint8Array(0), 'e.csv')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/e\.csv is empty/),
    });
    expect(decodeCsvBytes(Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0]), 'z.csv')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/z\.csv is not a text file \(binary data at byte 3\)/),
    });
    expect(decodeCsvBytes(utf8('  <!doctype html><html></html>'), 'p.csv')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/p\.csv is a web page/),
    });
  });

  it('names the rows of ragged lines, skipping a few and refusing a file of them', async () => {
    const few = await parseCsvText('a,b\n1,2\n1,2,3\n4,5\n6,7\n', 'r.csv', 'utf-8');
    expect(few.ok && few.table.nRows).toBe(3);
    expect(few.ok && few.table.warnings).toEqual([
      'Skipped 1 malformed row: row 3 has 3 fields, expected 2.',
    ]);
    const most = await parseCsvText('a,b\n1\n2\n3\n4,5\n', 'r.csv', 'utf-8');
    expect(!most.ok && most.message).toMatch(/row 2 has 1 fields, expected 2.*row 4/);
  });

  it('reports an unclosed quote with its row, duplicate and empty headers, header-only files', async () => {
    const q = await parseCsvText('a,b\n1,2\n3,"4\n5,6\n', 'q.csv', 'utf-8');
    expect(!q.ok && q.message).toMatch(/row 3 is never closed/);
    const dup = await parseCsvText('a,a,\n1,2,3\n', 'd.csv', 'utf-8');
    expect(dup.ok && dup.table.headers).toEqual(['a', 'a (2)', 'column 3']);
    expect(dup.ok && dup.table.warnings[0]).toMatch(/Duplicate column name "a"/);
    const head = await parseCsvText('a,b\n\n', 'h.csv', 'utf-8');
    expect(!head.ok && head.message).toMatch(/h\.csv has a header row but no data rows/);
  });

  it('reports progress and stops when cancelled between chunks', async () => {
    const text = 'a,b\n' + '1,2\n'.repeat(2000);
    const fractions: number[] = [];
    let chunks = 0;
    const cancel = new AbortController();
    const out = await parseCsvText(
      text,
      'c.csv',
      'utf-8',
      { chunkChars: 100 },
      {
        onProgress: (f) => fractions.push(f),
        pauseBetweenChunks: async () => {
          chunks++;
          if (chunks >= 3) cancel.abort();
        },
        signal: cancel.signal,
      },
    );
    expect(out).toMatchObject({ ok: false, cancelled: true });
    expect(fractions.length).toBe(3);
    const full = await parseCsvText(
      text,
      'c.csv',
      'utf-8',
      { chunkChars: 100 },
      {
        onProgress: (f) => fractions.push(f),
        pauseBetweenChunks: async () => {},
      },
    );
    expect(full.ok && full.table.nRows).toBe(2000);
    expect(fractions.at(-1)).toBe(1);
  });
});
