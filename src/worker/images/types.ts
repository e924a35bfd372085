/** Message payloads and errors of image uploads (the files cross to the worker as Blobs, not copies). */

export type ImageUploadSource =
  /** A picked or dropped folder: paths relative to the folder that was chosen. */
  | { kind: 'files'; files: { path: string; file: Blob }[] }
  | { kind: 'zip'; fileName: string; file: Blob };

export interface ImageLoadProgress {
  requestId: number;
  stage: 'unzipping' | 'decoding';
  done: number;
  total: number;
  imagesPerSecond: number;
}

/** A problem with an image upload that the user can act on; its message says what to do. */
export class ImageLoadError extends Error {}
