/** Turns a picked or dropped folder into the relative paths the folder walker expects. */
import type { ImageUploadSource } from '../../../worker/images/types';

/** Files of a webkitdirectory input: the chosen folder's own name is dropped from each path. */
export function sourceFromFolderInput(files: FileList): {
  source: ImageUploadSource;
  name: string;
} {
  const list = [...files];
  const first = list[0]?.webkitRelativePath ?? '';
  const name = first.split('/')[0] || 'Images';
  return {
    name,
    source: {
      kind: 'files',
      files: list.map((file) => ({
        path: stripFirst(file.webkitRelativePath || file.name),
        file,
      })),
    },
  };
}

function stripFirst(path: string): string {
  const at = path.indexOf('/');
  return at >= 0 ? path.slice(at + 1) : path;
}

/** A dropped folder (walked with webkitGetAsEntry) or a dropped zip; null if neither. */
export async function sourceFromDrop(
  transfer: DataTransfer,
): Promise<{ source: ImageUploadSource; name: string } | null> {
  const entries = [...transfer.items]
    .map((item) => (item.kind === 'file' ? item.webkitGetAsEntry() : null))
    .filter((e): e is FileSystemEntry => e !== null);
  const dir = entries.find((e): e is FileSystemDirectoryEntry => e.isDirectory);
  if (dir) {
    const files: { path: string; file: File }[] = [];
    await walkDirectory(dir, '', files);
    return { name: dir.name, source: { kind: 'files', files } };
  }
  const fileEntry = entries.find((e): e is FileSystemFileEntry => e.isFile);
  // Without entries (some synthetic drops), the plain file list still has the zip.
  const file = fileEntry
    ? await new Promise<File>((resolve, reject) => fileEntry.file(resolve, reject))
    : [...transfer.files].find(isZipName);
  if (!file || !isZipName(file)) return null;
  return { name: file.name, source: { kind: 'zip', fileName: file.name, file } };
}

async function walkDirectory(
  dir: FileSystemDirectoryEntry,
  prefix: string,
  out: { path: string; file: File }[],
): Promise<void> {
  const reader = dir.createReader();
  // readEntries returns at most ~100 entries per call: read until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) return;
    for (const entry of batch) {
      const path = `${prefix}${entry.name}`;
      if (entry.isDirectory) {
        await walkDirectory(entry as FileSystemDirectoryEntry, `${path}/`, out);
      } else {
        const file = await new Promise<File>((resolve, reject) =>
          (entry as FileSystemFileEntry).file(resolve, reject),
        );
        out.push({ path, file });
      }
    }
  }
}

/** Whether a dropped file is meant as a zip (by name or type). */
export function isZipName(file: File): boolean {
  return /\.zip$/i.test(file.name) || file.type === 'application/zip';
}

/** Whether a drag carries something the image upload takes (a folder or a zip). */
export function dropHasImageUpload(transfer: DataTransfer): boolean {
  for (const item of transfer.items) {
    const entry = item.kind === 'file' ? item.webkitGetAsEntry() : null;
    if (entry?.isDirectory) return true;
  }
  return [...transfer.files].some(isZipName);
}
