/**
 * Image uploads over the storage limit are not kept between visits: after a reload the
 * workspace asks for the folder again, and the folder given is matched by fingerprint.
 */
import type { DataFingerprint } from '../../runs/fingerprint';

/** What the workspace remembers of its image upload (in DatasetChoice, plain JSON). */
export interface ImageChoiceFingerprint {
  /** The fingerprint hash of the upload's files (sorted paths, sizes and contents). */
  hash: string;
  /** Bytes of all image files. */
  size: number;
  /** How many files were fingerprinted. */
  files: number;
}

/** The part of a dataset fingerprint the workspace keeps; null for other than image uploads. */
export function choiceFingerprint(fp: DataFingerprint | undefined): ImageChoiceFingerprint | null {
  if (!fp || fp.source !== 'images') return null;
  return { hash: fp.hash, size: fp.size, files: fp.files?.length ?? 0 };
}

export type ReuploadMatch = { same: true } | { same: false; message: string };

/** Whether a folder uploaded again is the one the workspace used, with a message when not. */
export function matchReupload(
  expected: { name: string; fingerprint: ImageChoiceFingerprint },
  actual: { name: string; fingerprint: ImageChoiceFingerprint },
): ReuploadMatch {
  const e = expected.fingerprint;
  const a = actual.fingerprint;
  if (e.hash === a.hash && e.size === a.size) return { same: true };
  const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;
  const what =
    e.files === a.files && expected.name === actual.name
      ? ' (same name and file count, but the files differ)'
      : '';
  return {
    same: false,
    message: `This is not the folder the workspace used: it used ${expected.name} (${files(e.files)}), this is ${actual.name} (${files(a.files)})${what}. Use it anyway?`,
  };
}
