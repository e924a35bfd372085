/**
 * Dataset fingerprints: what tells two runs apart when they used different data.
 * Computed in the worker as the data are read: a streaming 64-bit hash over the bytes of
 * an uploaded CSV (fed chunk by chunk while it parses), the sorted (path, size, hash) list
 * of an image upload with a hash of that list, and for built-in sets the choice itself
 * with a fixed content version. Comparing fingerprints never needs the data again.
 *
 * The hash is MurmurHash3 (x86, 32-bit) run as two lanes with different seeds, giving 64
 * bits: fast in plain JS (4 bytes per step), streaming (crypto.subtle has no incremental
 * API), and plenty to tell datasets apart. It is not a cryptographic hash.
 */

/** The fingerprint of the data a run trained on. */
export interface DataFingerprint {
  source: 'csv' | 'images' | 'builtin';
  /** File, folder or dataset name. */
  name: string;
  /** Bytes of the upload (CSV file, or all image files); 0 for built-in sets. */
  size: number;
  /** `m3x2:` followed by 16 hex digits. */
  hash: string;
  /** Image uploads: every file, sorted by path. */
  files?: { path: string; size: number; hash: string }[];
}

/**
 * Bumped when a built-in set's contents change (a regenerated bundled file, a changed
 * synthetic generator or its data seed), so runs before and after are told apart.
 */
export const BUILTIN_CONTENT_VERSION = 1;

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;
const SEEDS = [0, 0x9747b28c] as const;

const rotl = (x: number, r: number) => (x << r) | (x >>> (32 - r));

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function mixK(k: number): number {
  return Math.imul(rotl(Math.imul(k, C1), 15), C2);
}

/** An incremental 64-bit hash: `update` with chunks in order, then `digest` once. */
export class StreamHash {
  private h1: number = SEEDS[0];
  private h2: number = SEEDS[1];
  private length = 0;
  /** Bytes of a word split across chunks. */
  private carry = 0;
  private carryBytes = 0;

  update(bytes: Uint8Array): this {
    let i = 0;
    const n = bytes.length;
    this.length += n;
    // Complete a word begun in the previous chunk.
    while (this.carryBytes > 0 && this.carryBytes < 4 && i < n) {
      this.carry |= bytes[i++]! << (8 * this.carryBytes);
      this.carryBytes += 1;
    }
    if (this.carryBytes === 4) {
      this.word(this.carry);
      this.carry = 0;
      this.carryBytes = 0;
    }
    const end = i + ((n - i) & ~3);
    for (; i < end; i += 4) {
      this.word(bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
    }
    for (; i < n; i++) {
      this.carry |= bytes[i]! << (8 * this.carryBytes);
      this.carryBytes += 1;
    }
    return this;
  }

  private word(w: number): void {
    const k = mixK(w);
    this.h1 = (Math.imul(rotl(this.h1 ^ k, 13), 5) + 0xe6546b64) | 0;
    this.h2 = (Math.imul(rotl(this.h2 ^ k, 13), 5) + 0xe6546b64) | 0;
  }

  /** The two 32-bit lanes (each is MurmurHash3 x86_32 of the bytes with its seed). */
  lanes(): [number, number] {
    let h1 = this.h1;
    let h2 = this.h2;
    if (this.carryBytes > 0) {
      const k = mixK(this.carry);
      h1 ^= k;
      h2 ^= k;
    }
    // MurmurHash3 mixes in the length modulo 2^32.
    const len = this.length | 0;
    return [fmix(h1 ^ len), fmix(h2 ^ len)];
  }

  digest(): string {
    const hex = (v: number) => v.toString(16).padStart(8, '0');
    const [a, b] = this.lanes();
    return `m3x2:${hex(a)}${hex(b)}`;
  }
}

const encoder = new TextEncoder();

/** The hash of a text (UTF-8). */
export function hashText(text: string): string {
  return new StreamHash().update(encoder.encode(text)).digest();
}

/** JSON with object keys sorted, so equal choices always give equal text. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}

/** Built-in sets: the choice (which set, size, noise, sample limit) and the content version. */
export function builtinFingerprint(name: string, choice: unknown): DataFingerprint {
  return {
    source: 'builtin',
    name,
    size: 0,
    hash: hashText(`builtin/${BUILTIN_CONTENT_VERSION}/${stableJson(choice)}`),
  };
}

/** A CSV upload, from the hash fed while it was parsed. */
export function csvFingerprint(name: string, size: number, hash: StreamHash): DataFingerprint {
  return { source: 'csv', name, size, hash: hash.digest() };
}

/** An image upload: its files hashed one by one, sorted by path, and the hash of that list. */
export async function imagesFingerprint(
  name: string,
  files: ReadonlyMap<string, Blob>,
): Promise<DataFingerprint> {
  const list: { path: string; size: number; hash: string }[] = [];
  for (const [path, blob] of files) {
    const h = new StreamHash();
    const reader = blob.stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      h.update(value);
    }
    list.push({ path, size: blob.size, hash: h.digest() });
  }
  list.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const text = list.map((f) => `${f.path}\t${f.size}\t${f.hash}\n`).join('');
  return {
    source: 'images',
    name,
    size: list.reduce((sum, f) => sum + f.size, 0),
    hash: hashText(text),
    files: list,
  };
}

/** Same data: equal hashes (and sources). */
export function sameData(a: DataFingerprint, b: DataFingerprint): boolean {
  return a.source === b.source && a.hash === b.hash && a.size === b.size;
}

const imageCache = new WeakMap<ReadonlyMap<string, Blob>, Promise<DataFingerprint>>();

/** imagesFingerprint, computed once per set of files (loads with other options reuse it). */
export async function cachedImagesFingerprint(
  name: string,
  files: ReadonlyMap<string, Blob>,
): Promise<DataFingerprint> {
  let fp = imageCache.get(files);
  if (!fp) {
    fp = imagesFingerprint(name, files);
    imageCache.set(files, fp);
  }
  return { ...(await fp), name };
}
