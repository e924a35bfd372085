/**
 * The folder walker: turns the relative paths of an uploaded folder or zip into classes,
 * a predefined train/test split if there is one, and a report of what was skipped.
 * Pure: it sees only paths, so it is tested on fake trees.
 */

export type PredefinedSplit = 'train' | 'test';

export interface WalkedImage {
  /** The path as given (index into the caller's files). */
  path: string;
  classIndex: number;
  /** Set when the upload has top-level train/ and test/ folders. */
  split: PredefinedSplit | null;
}

export interface SkippedFile {
  path: string;
  reason: string;
}

export type WalkResult =
  | {
      ok: true;
      /** Sorted class folder names; the label of an image is its index here. */
      classNames: string[];
      images: WalkedImage[];
      skipped: SkippedFile[];
      /** System and hidden files ignored without a warning (__MACOSX, .DS_Store…). */
      ignored: number;
      predefinedSplit: boolean;
    }
  | { ok: false; message: string; skipped: SkippedFile[] };

export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'webp', 'gif', 'bmp'] as const;

/** Whether a path is a system or hidden file that uploads carry by accident. */
export function isIgnoredPath(path: string): boolean {
  const parts = path.split('/').filter((p) => p !== '');
  return parts.some(
    (p) => p === '__MACOSX' || p.startsWith('.') || p === 'Thumbs.db' || p === 'desktop.ini',
  );
}

/** The lower-case extension of a path, '' if none. */
export function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

export function isImagePath(path: string): boolean {
  return (IMAGE_EXTENSIONS as readonly string[]).includes(extensionOf(path));
}

/** Code-point order, as Keras' image_dataset_from_directory sorts class folders. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Item {
  path: string;
  parts: string[];
}

/**
 * Walks the files (and optionally directory paths, for empty folders) of an upload,
 * relative to the upload root: `cats/1.png`, `wrapper/dogs/2.jpg`, `train/cats/3.png`.
 */
export function walkImageTree(
  files: readonly string[],
  directories: readonly string[] = [],
): WalkResult {
  const skipped: SkippedFile[] = [];
  let ignored = 0;
  let items: Item[] = [];
  for (const path of files) {
    if (isIgnoredPath(path)) {
      ignored += 1;
      continue;
    }
    items.push({ path, parts: path.split('/').filter((p) => p !== '') });
  }
  let dirs = directories
    .filter((d) => !isIgnoredPath(d))
    .map((d) => d.split('/').filter((p) => p !== ''))
    .filter((d) => d.length > 0);

  // One wrapping folder (the folder that was zipped) is stepped into, as long as every
  // file stays inside a class folder below it.
  const first = items[0]?.parts[0];
  if (
    first !== undefined &&
    !isSplitName(first) &&
    items.every((it) => it.parts.length >= 3 && it.parts[0] === first)
  ) {
    items = items.map((it) => ({ path: it.path, parts: it.parts.slice(1) }));
    dirs = dirs.filter((d) => d[0] === first && d.length > 1).map((d) => d.slice(1));
  }

  const predefinedSplit = items.some((it) => it.parts.length >= 3 && isSplitName(it.parts[0]!));
  const classFiles = new Map<string, { path: string; split: PredefinedSplit | null }[]>();
  const classFolders = new Set<string>();
  for (const d of dirs) {
    if (predefinedSplit) {
      if (d[0] === 'train' && d.length >= 2) classFolders.add(d[1]!);
    } else classFolders.add(d[0]!);
  }
  let rootImages = 0;
  for (const it of items) {
    let parts = it.parts;
    let split: PredefinedSplit | null = null;
    if (predefinedSplit) {
      const head = parts[0]!;
      if (!isSplitName(head)) {
        skipped.push({ path: it.path, reason: 'is outside the train/ and test/ folders' });
        continue;
      }
      split = head;
      parts = parts.slice(1);
    }
    if (parts.length < 2) {
      if (isImagePath(it.path)) rootImages += 1;
      skipped.push({ path: it.path, reason: 'is not inside a class folder' });
      continue;
    }
    const className = parts[0]!;
    if (split !== 'test') classFolders.add(className);
    if (!isImagePath(it.path)) {
      skipped.push({
        path: it.path,
        reason: `is not an image (${extensionOf(it.path) || 'no extension'}); use PNG, JPEG, WebP, GIF or BMP`,
      });
      continue;
    }
    const list = classFiles.get(className) ?? [];
    list.push({ path: it.path, split });
    classFiles.set(className, list);
  }

  const empty: string[] = [];
  const classNames: string[] = [];
  for (const name of [...classFolders].sort(byCodePoint)) {
    const list = classFiles.get(name) ?? [];
    const trainImages = list.filter((f) => f.split !== 'test').length;
    if (trainImages === 0) empty.push(name);
    else classNames.push(name);
  }
  for (const name of empty) {
    skipped.push({ path: `${name}/`, reason: 'is an empty class folder (no images): left out' });
  }

  if (classNames.length === 0) {
    const message =
      rootImages > 0
        ? `The images are at the top of the upload with no class folders: put each class in its own sub-folder (for example cats/ and dogs/).`
        : empty.length > 0
          ? `The class folders ${empty.map((e) => `${e}/`).join(', ')} have no images (PNG, JPEG, WebP, GIF or BMP).`
          : 'The upload has no images in class folders: expected one sub-folder per class (for example cats/ and dogs/) holding PNG, JPEG, WebP, GIF or BMP files.';
    return { ok: false, message, skipped };
  }
  if (classNames.length === 1) {
    return {
      ok: false,
      message: `Only one class was found (${classNames[0]}/): a classifier needs at least two class folders.`,
      skipped,
    };
  }

  const index = new Map(classNames.map((name, i) => [name, i]));
  const images: WalkedImage[] = [];
  for (const [name, list] of classFiles) {
    const classIndex = index.get(name);
    if (classIndex === undefined) {
      for (const f of list) {
        skipped.push({ path: f.path, reason: `is in test/${name}/, a class missing from train/` });
      }
      continue;
    }
    for (const f of list) images.push({ path: f.path, classIndex, split: f.split });
  }
  images.sort((a, b) => a.classIndex - b.classIndex || byCodePoint(a.path, b.path));
  return { ok: true, classNames, images, skipped, ignored, predefinedSplit };
}

function isSplitName(name: string): name is PredefinedSplit {
  return name === 'train' || name === 'test';
}
