/**
 * Chunked CSV parsing with papaparse into column arrays: delimiter sniffing, header
 * detection (with an override), ragged rows skipped and reported, unclosed quotes,
 * duplicate headers. Yields between chunks so progress is posted and cancel is heard.
 */
import Papa from 'papaparse';
import { ColumnBuilder } from './column';
import { decodeCsvBytes } from './decode';
import { countFields, walkLines, wholeNumberAt } from './quoteFree';
import type { CsvTable } from './types';

export const DELIMITERS = [',', ';', '\t', '|'] as const;

export interface ParseOptions {
  /** true/false forces the header row; undefined detects it. */
  hasHeader?: boolean;
  /** Forces the delimiter; undefined sniffs it. */
  delimiter?: string;
  /** Characters per chunk (tests use small chunks to cross quotes over boundaries). */
  chunkChars?: number;
  /** false forces papaparse even for text without quotes (tests compare the two paths). */
  quoteFreeFastPath?: boolean;
}

export interface ParseHooks {
  onProgress?(fraction: number, rows: number): void;
  /** Checked between chunks: once aborted, parsing stops with a `cancelled` outcome. */
  signal?: AbortSignal;
  /** Lets other work run between chunks (the worker hears Cancel here). */
  pauseBetweenChunks?(): Promise<void>;
}

export type ParseOutcome =
  | { ok: true; table: CsvTable }
  | { ok: false; message: string }
  | { ok: false; cancelled: true; message: string };

const DEFAULT_CHUNK_CHARS = 1 << 20;
// More skipped rows than this share means the file is not the table we think it is.
const MAX_SKIPPED_SHARE = 0.5;
const MAX_REPORTED_ROWS = 5;

/** Guesses the delimiter from the start of the text: the one giving consistent rows. */
export function sniffDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  const guess = Papa.parse<string[]>(sample, {
    preview: 30,
    delimitersToGuess: [...DELIMITERS],
  });
  const d = guess.meta.delimiter;
  return (DELIMITERS as readonly string[]).includes(d) ? d : ',';
}

/**
 * The record separator: the first line break outside quotes. Papaparse would guess it
 * from the first chunk alone, which may end before any line break (then CRLF files
 * would keep a stray \r in their last column).
 */
export function detectLineEnding(text: string): '\n' | '\r\n' | '\r' {
  let quoted = false;
  const end = Math.min(text.length, 1 << 20);
  for (let i = 0; i < end; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '\n') return '\n';
    else if (!quoted && c === '\r') return text[i + 1] === '\n' ? '\r\n' : '\r';
  }
  return '\n';
}

const isNumberText = (s: string) => s.trim() !== '' && Number.isFinite(Number(s));

/** A first row is a header when none of its cells is a number and most are filled in. */
export function detectHeader(first: string[]): boolean {
  const filled = first.filter((c) => c.trim() !== '').length;
  return !first.some(isNumberText) && filled * 2 > first.length;
}

/** Parses decoded CSV text into columns. */
export async function parseCsvText(
  text: string,
  fileName: string,
  encoding: string,
  options: ParseOptions = {},
  hooks: ParseHooks = {},
): Promise<ParseOutcome> {
  const delimiter = options.delimiter ?? sniffDelimiter(text);
  const chunkChars = options.chunkChars ?? DEFAULT_CHUNK_CHARS;
  const warnings: string[] = [];
  let headers: string[] | null = null;
  let hasHeader = options.hasHeader;
  let builders: ColumnBuilder[] = [];
  let nRows = 0;
  let record = 0; // records seen, header included: record r is file row r + 1
  const ragged: string[] = [];
  let raggedCount = 0;
  let fatal: string | null = null;
  let chunkIndex = 0;
  let cancelled = false;

  const takeRow = (cells: string[]) => {
    record++;
    if (cells.length === 1 && cells[0]!.trim() === '') return; // blank line
    if (headers === null) {
      hasHeader ??= detectHeader(cells);
      headers = hasHeader ? cells.map((h) => h.trim()) : cells.map((_, j) => `column ${j + 1}`);
      builders = headers.map(() => new ColumnBuilder());
      if (hasHeader) return;
    }
    if (cells.length !== headers.length) {
      raggedCount++;
      if (ragged.length < MAX_REPORTED_ROWS) {
        ragged.push(`row ${record} has ${cells.length} fields, expected ${headers.length}`);
      }
      return;
    }
    for (let j = 0; j < cells.length; j++) builders[j]!.push(cells[j]!);
    nRows++;
  };

  const newline = detectLineEnding(text);
  const splitLine = (start: number, end: number) => text.slice(start, end).split(delimiter);
  /** A data line of the header's width: whole numbers go straight into their columns. */
  const takeLine = (start: number, end: number) => {
    if (headers === null || start === end) return takeRow(splitLine(start, end));
    const width = headers.length;
    if (countFields(text, start, end, delimiter) !== width) return takeRow(splitLine(start, end));
    record++;
    let a = start;
    for (let j = 0; j < width; j++) {
      let b = j === width - 1 ? end : text.indexOf(delimiter, a);
      if (b === -1 || b > end) b = end;
      const v = wholeNumberAt(text, a, b);
      const builder = builders[j]!;
      if (Number.isNaN(v) || !builder.pushNumber(v)) builder.push(text.slice(a, b));
      a = b + 1;
    }
    nRows++;
  };
  const quoteFree = options.quoteFreeFastPath !== false && !text.includes('"');
  if (quoteFree) {
    const finished = await walkLines(text, newline, chunkChars, {
      line: takeLine,
      betweenChunks: async (position) => {
        hooks.onProgress?.(Math.min(1, position / Math.max(1, text.length)), nRows);
        await hooks.pauseBetweenChunks?.();
        return !hooks.signal?.aborted;
      },
    });
    cancelled = !finished;
    if (finished) hooks.onProgress?.(1, nRows);
  }
  if (!quoteFree)
    await new Promise<void>((resolve) => {
      Papa.parse<string[]>(text, {
        delimiter,
        newline,
        chunkSize: chunkChars,
        skipEmptyLines: false,
        chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
          const base = record;
          for (const err of results.errors) {
            if (err.code === 'MissingQuotes') {
              fatal = `${fileName}: a quoted field starting in row ${base + (err.row ?? 0) + 1} is never closed (unclosed quote "): close the quote or remove it.`;
            }
          }
          for (const cells of results.data) takeRow(cells);
          chunkIndex++;
          if (fatal) {
            parser.abort();
            return;
          }
          hooks.onProgress?.(
            Math.min(1, (chunkIndex * chunkChars) / Math.max(1, text.length)),
            nRows,
          );
          if (hooks.pauseBetweenChunks) {
            parser.pause();
            void hooks.pauseBetweenChunks().then(() => {
              if (hooks.signal?.aborted) {
                cancelled = true;
                parser.abort();
              } else parser.resume();
            });
          }
        },
        complete: () => resolve(),
      });
    });

  if (cancelled)
    return { ok: false, cancelled: true, message: `Reading ${fileName} was cancelled.` };
  if (fatal) return { ok: false, message: fatal };
  const finalHeaders: string[] | null = headers;
  if (finalHeaders === null) {
    return { ok: false, message: `${fileName} has no rows: it is empty or only blank lines.` };
  }
  if (nRows === 0) {
    const why = raggedCount > 0 ? ` (${ragged[0]}; every data row was skipped)` : '';
    return {
      ok: false,
      message: `${fileName} has a header row but no data rows${why}: add rows of data below the header.`,
    };
  }
  if (raggedCount > 0) {
    const listed = ragged.join('; ');
    const more = raggedCount > ragged.length ? ` and ${raggedCount - ragged.length} more` : '';
    if (raggedCount > (nRows + raggedCount) * MAX_SKIPPED_SHARE) {
      return {
        ok: false,
        message: `${fileName}: ${listed}${more}. Most rows do not match the header: check the delimiter and quoting.`,
      };
    }
    warnings.push(
      `Skipped ${raggedCount} malformed row${raggedCount === 1 ? '' : 's'}: ${listed}${more}.`,
    );
  }
  if ((finalHeaders as string[]).length < 2) {
    return {
      ok: false,
      message: `${fileName} has a single column ("${(finalHeaders as string[])[0]}"): a dataset needs at least one feature column and a target column. Use comma, semicolon, tab or pipe between fields.`,
    };
  }
  const named = dedupeHeaders(finalHeaders, warnings);
  return {
    ok: true,
    table: {
      fileName,
      headers: named,
      columns: builders.map((b) => b.finish()),
      nRows,
      delimiter,
      encoding,
      hasHeader: hasHeader ?? true,
      warnings,
    },
  };
}

/** Empty names become "column N"; repeated names get " (2)", " (3)", with a warning. */
function dedupeHeaders(headers: string[], warnings: string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((raw, j) => {
    const name = raw === '' ? `column ${j + 1}` : raw;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (count === 1) return name;
    const renamed = `${name} (${count})`;
    warnings.push(`Duplicate column name "${name}" (column ${j + 1}) renamed to "${renamed}".`);
    return renamed;
  });
}

/** Decodes and parses file bytes in one step. */
export async function parseCsvBytes(
  bytes: Uint8Array,
  fileName: string,
  options: ParseOptions = {},
  hooks: ParseHooks = {},
): Promise<ParseOutcome> {
  const decoded = decodeCsvBytes(bytes, fileName);
  if (!decoded.ok) return decoded;
  const outcome = await parseCsvText(decoded.text, fileName, decoded.encoding, options, hooks);
  if (outcome.ok) outcome.table.warnings.unshift(...decoded.warnings);
  return outcome;
}
