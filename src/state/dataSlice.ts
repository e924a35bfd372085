import type { StateCreator } from 'zustand';
import type { DatasetChoice, DatasetSummary } from '../core/data/types';
import type { AppState } from './store';

export interface DataSlice {
  datasetChoice: DatasetChoice;
  /** Summary of the loaded dataset, from the worker; null while loading. */
  dataset: DatasetSummary | null;
  datasetLoading: boolean;
  datasetError: string | null;
  setDatasetChoice: (choice: DatasetChoice) => void;
}

export const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set) => ({
  datasetChoice: { kind: 'synthetic', id: 'circles', size: 400, noise: 0.1 },
  dataset: null,
  datasetLoading: false,
  datasetError: null,
  setDatasetChoice: (datasetChoice) => set({ datasetChoice }),
});
