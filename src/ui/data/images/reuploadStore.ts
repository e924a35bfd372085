import { create } from 'zustand';
import type { DatasetChoice } from '../../../core/data/types';

type ImageChoice = Extract<DatasetChoice, { kind: 'upload'; format: 'images' }>;

/**
 * A folder uploaded again after a reload that is not the workspace's (another fingerprint):
 * it loaded in the worker but waits for the user to use it anyway or keep asking.
 */
export const useImageReupload = create<{
  mismatch: { choice: ImageChoice; message: string } | null;
}>(() => ({ mismatch: null }));
