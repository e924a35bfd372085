import type { StateCreator } from 'zustand';
import type { DatasetChoice, DatasetSummary } from '../core/data/types';
import type { ImageChoiceFingerprint } from '../core/data/images/reupload';
import type { AppState } from './store';
import type { ImageLoadProgress } from '../worker/images/types';
import type { PendingTemplate } from './templateApply';

type ImageChoice = Extract<DatasetChoice, { kind: 'upload'; format: 'images' }>;

/** The dataset request in flight: only its answer is taken. */
export interface DatasetRequest {
  id: number;
  /** Picked by the user: fit the graph to it and say so. */
  fitOnLoad: boolean;
  /**
   * An upload becomes the workspace's choice only once it loads: until then, and after
   * an error, the previous dataset stays selected.
   */
  pendingChoice: DatasetChoice | null;
  /** A folder asked for again after a reload: the workspace's folder it must match. */
  expect: { name: string; fingerprint: ImageChoiceFingerprint } | null;
  /** A template to put on the canvas once this dataset has loaded (instead of fitting the graph). */
  template?: PendingTemplate;
}

export interface DataSlice {
  datasetChoice: DatasetChoice;
  /** Summary of the loaded dataset, from the worker; null while loading. */
  dataset: DatasetSummary | null;
  datasetLoading: boolean;
  datasetError: string | null;
  datasetRequest: DatasetRequest;
  /** Unzipping/decoding progress of an image upload; null when none is loading. */
  imageProgress: ImageLoadProgress | null;
  /**
   * A folder uploaded again after a reload that is not the workspace's (another
   * fingerprint): it loaded in the worker but waits for the user to use it or keep asking.
   */
  imageReuploadMismatch: { choice: ImageChoice; message: string } | null;
  setDatasetChoice: (choice: DatasetChoice) => void;
}

export const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set) => ({
  datasetChoice: { kind: 'synthetic', id: 'circles', size: 400, noise: 0.1 },
  dataset: null,
  datasetLoading: false,
  datasetError: null,
  datasetRequest: { id: 0, fitOnLoad: false, pendingChoice: null, expect: null },
  imageProgress: null,
  imageReuploadMismatch: null,
  setDatasetChoice: (datasetChoice) => set({ datasetChoice }),
});
