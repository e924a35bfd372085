/**
 * The fingerprint of an uploaded CSV (see core/runs/fingerprint.ts): its bytes are hashed
 * chunk by chunk as the parser reports progress, so the hash costs no second pass over the
 * file. Kept per upload id; after a reload (the file comes back from IndexedDB) the stored
 * bytes are hashed once, streamed.
 */
import { StreamHash, csvFingerprint, type DataFingerprint } from '../../core/runs/fingerprint';
import { loadStoredUpload } from '../uploadStore';

const byUpload = new Map<string, DataFingerprint>();

/** Feeds a file's bytes to a hash as parsing advances; `finish` hashes the rest. */
export function hashWhileParsing(bytes: Uint8Array): {
  /** Call with the parser's progress (fraction of the file parsed). */
  advance: (fraction: number) => void;
  finish: () => StreamHash;
} {
  const hash = new StreamHash();
  let done = 0;
  const upTo = (end: number) => {
    if (end <= done) return;
    hash.update(bytes.subarray(done, end));
    done = end;
  };
  return {
    advance: (fraction) => upTo(Math.min(bytes.length, Math.floor(fraction * bytes.length))),
    finish: () => {
      upTo(bytes.length);
      return hash;
    },
  };
}

/** Keeps the fingerprint of a parsed upload. */
export function rememberCsvFingerprint(
  uploadId: string,
  name: string,
  size: number,
  hash: StreamHash,
): void {
  byUpload.delete(uploadId);
  byUpload.set(uploadId, csvFingerprint(name, size, hash));
  while (byUpload.size > 8) byUpload.delete(byUpload.keys().next().value!);
}

async function fingerprintOf(uploadId: string, name: string): Promise<DataFingerprint | null> {
  const known = byUpload.get(uploadId);
  if (known) return { ...known, name };
  const stored = await loadStoredUpload('csv', uploadId);
  if (!stored) return null;
  const hash = new StreamHash();
  const reader = stored.blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    hash.update(value);
  }
  const fp = csvFingerprint(name, stored.blob.size, hash);
  byUpload.set(uploadId, fp);
  return fp;
}

/**
 * The fingerprint of a CSV choice (with its separate test file, if any, folded in);
 * undefined when the bytes are not at hand (the run record then says "unknown").
 */
export async function csvChoiceFingerprint(choice: {
  uploadId: string;
  name: string;
  test?: { uploadId: string; name: string };
}): Promise<DataFingerprint | undefined> {
  const main = await fingerprintOf(choice.uploadId, choice.name);
  if (!main) return undefined;
  if (!choice.test) return main;
  const test = await fingerprintOf(choice.test.uploadId, choice.test.name);
  if (!test) return undefined;
  const hash = new StreamHash().update(new TextEncoder().encode(`${main.hash}+${test.hash}`));
  return {
    ...main,
    name: `${main.name} + ${test.name}`,
    size: main.size + test.size,
    hash: hash.digest(),
  };
}
