import type { StateCreator } from 'zustand';
import type { DatasetChoice, DatasetSummary } from '../core/data/types';
import type { AppState } from './store';
import type { ImageLoadProgress } from '../worker/images/types';

export interface DataSlice {
  datasetChoice: DatasetChoice;
  /** Summary of the loaded dataset, from the worker; null while loading. */
  dataset: DatasetSummary | null;
  datasetLoading: boolean;
  datasetError: string | null;
  /** Unzipping/decoding progress of an image upload; null when none is loading. */
  imageProgress: ImageLoadProgress | null;
  setDatasetChoice: (choice: DatasetChoice) => void;
}

export const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set) => ({
  datasetChoice: { kind: 'synthetic', id: 'circles', size: 400, noise: 0.1 },
  dataset: null,
  datasetLoading: false,
  datasetError: null,
  imageProgress: null,
  setDatasetChoice: (datasetChoice) => set({ datasetChoice }),
});
