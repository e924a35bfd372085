/**
 * The app's one zip reader: safe, streaming unzip of an untrusted archive (fflate), used
 * for image uploads and for imported model zips. Entry names may try to escape their
 * folder and entries may expand to absurd sizes, so every name is checked before use and
 * inflation stops once a byte budget is spent.
 */
import { Unzip, UnzipInflate, UnzipPassThrough, type UnzipFile } from 'fflate';

export interface ZipEntry {
  /** Normalised relative path, '/'-separated, never escaping the archive root. */
  path: string;
  data: Uint8Array;
}

export interface RejectedEntry {
  name: string;
  reason: string;
}

export type UnzipResult =
  | {
      ok: true;
      entries: ZipEntry[];
      directories: string[];
      /** Safe entries left compressed because `wanted` declined them (paths only). */
      unread: string[];
      rejected: RejectedEntry[];
      bytes: number;
    }
  | { ok: false; message: string; bytes: number };

/** A small zip must not expand into gigabytes: entries together may inflate to this much. */
export const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;

export interface UnzipOptions {
  /** Stop inflating once the entries together exceed this many bytes (MAX_UNZIPPED_BYTES). */
  maxBytes?: number;
  /** Called with the bytes inflated so far (progress). */
  onBytes?: (bytes: number) => void;
  /** Checked between chunks; once aborted, the unzip stops. */
  signal?: AbortSignal;
  /** Which safe entries to inflate (default: all); the others are listed as unread. */
  wanted?: (path: string) => boolean;
}

// Small input chunks bound how far one push can overshoot the budget: deflate expands
// at most ~1032:1, so 16 KB of input inflates to at most ~16 MB before the next check.
const INPUT_CHUNK = 16 * 1024;

/** Checks a zip entry name; returns the safe relative path or why it was refused. */
export function safeEntryPath(
  name: string,
): { ok: true; path: string; directory: boolean } | { ok: false; reason: string } {
  if (name.includes('\\')) return { ok: false, reason: 'uses backslashes in its path' };
  if (name.includes('\0')) return { ok: false, reason: 'has a NUL character in its name' };
  if (name.startsWith('/')) return { ok: false, reason: 'has an absolute path' };
  if (/^[a-zA-Z]:/.test(name)) return { ok: false, reason: 'starts with a drive letter' };
  const directory = name.endsWith('/');
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..')) {
    return { ok: false, reason: 'tries to leave its folder with ../' };
  }
  if (parts.length === 0) return { ok: false, reason: 'has an empty name' };
  // "./C:/x" would become "C:/x" once "." is dropped: check the normalised path too.
  if (/^[a-zA-Z]:/.test(parts[0]!)) return { ok: false, reason: 'starts with a drive letter' };
  return { ok: true, path: parts.join('/'), directory };
}

/** True when the bytes start like a zip archive (local file or empty-archive header). */
export function looksLikeZip(head: Uint8Array): boolean {
  return (
    head.length >= 4 &&
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    ((head[2] === 0x03 && head[3] === 0x04) || (head[2] === 0x05 && head[3] === 0x06))
  );
}

/**
 * Unzips an archive read as a stream of chunks, keeping only safe entries.
 * `fileName` names the archive in messages.
 */
export async function unzipSafely(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  fileName: string,
  options: UnzipOptions = {},
): Promise<UnzipResult> {
  const maxBytes = options.maxBytes ?? MAX_UNZIPPED_BYTES;
  const entries: ZipEntry[] = [];
  const directories: string[] = [];
  const unread: string[] = [];
  const rejected: RejectedEntry[] = [];
  let bytes = 0;
  let overLimit = false;
  let failure: string | null = null;
  let first = true;

  const unzip = new Unzip((file: UnzipFile) => {
    if (overLimit || failure) return;
    const checked = safeEntryPath(file.name);
    if (!checked.ok) {
      rejected.push({ name: file.name, reason: checked.reason });
      return;
    }
    if (checked.directory) {
      directories.push(checked.path);
      return;
    }
    if (options.wanted && !options.wanted(checked.path)) {
      unread.push(checked.path);
      return;
    }
    if (file.compression !== 0 && file.compression !== 8) {
      rejected.push({
        name: file.name,
        reason: `uses unsupported compression ${file.compression}`,
      });
      return;
    }
    const parts: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, data, final) => {
      if (overLimit || failure) return;
      if (err) {
        failure = `${fileName}: the entry ${file.name} is damaged (${err.message}).`;
        return;
      }
      bytes += data.length;
      size += data.length;
      if (bytes > maxBytes) {
        overLimit = true;
        file.terminate();
        return;
      }
      parts.push(data);
      if (final) entries.push({ path: checked.path, data: concat(parts, size) });
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);

  try {
    for await (const chunk of chunks) {
      if (first) {
        first = false;
        if (!looksLikeZip(chunk)) {
          return { ok: false, message: `${fileName} is not a zip file.`, bytes: 0 };
        }
      }
      for (let at = 0; at < chunk.length; at += INPUT_CHUNK) {
        unzip.push(chunk.subarray(at, Math.min(at + INPUT_CHUNK, chunk.length)));
        if (overLimit || failure) break;
      }
      options.onBytes?.(bytes);
      if (overLimit || failure) break;
      if (options.signal?.aborted) return { ok: false, message: 'Loading was cancelled.', bytes };
    }
    if (first) return { ok: false, message: `${fileName} is empty, not a zip file.`, bytes: 0 };
    if (!overLimit && !failure) unzip.push(new Uint8Array(0), true);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, message: `${fileName} could not be read as a zip (${detail}).`, bytes };
  }
  if (overLimit) {
    return {
      ok: false,
      message: `${fileName} expands to more than ${formatMB(maxBytes)}: unzipping stopped there. Use a smaller archive.`,
      bytes,
    };
  }
  if (failure) return { ok: false, message: failure, bytes };
  return { ok: true, entries, directories, unread, rejected, bytes };
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** "12.5 MB" */
export function formatMB(bytes: number): string {
  return `${(bytes / 1e6).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
}
