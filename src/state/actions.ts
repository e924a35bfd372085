/**
 * What the UI asks of the session: thin calls into the store's controller (created once
 * by `startController`, src/state/session/start.ts).
 */
import type { DatasetChoice } from '../core/data/types';
import type { ImageChoiceFingerprint } from '../core/data/images/reupload';
import type { RunRecord } from '../core/runs/record';
import type { ImageUploadSource } from '../worker/images/types';
import type { TrainingClient } from '../worker/client';
import { useAppStore } from './store';
import type { Controller } from './session/controller';
import type { PendingTemplate } from './templateApply';

function controller(): Controller {
  const c = useAppStore.getState().controller;
  if (!c) throw new Error('The training session has not started (startController).');
  return c;
}

/** The one training worker client, for request/response features (model export and import). */
export const workerClient = (): TrainingClient => controller().client;
export const train = () => controller().train();
export const pause = () => controller().pause();
export const resume = () => controller().resume();
export const stop = () => controller().stop();
export const continueRun = (record: RunRecord) => controller().continueRun(record);
export const restartWorker = () => controller().restartWorker();
export const loadDataset = (choice: DatasetChoice, userPicked = true, template?: PendingTemplate) =>
  controller().load(choice, userPicked, template);
export const loadCsvUpload = (choice: Extract<DatasetChoice, { kind: 'upload'; format: 'csv' }>) =>
  controller().loadCsvUpload(choice);
export const loadImageUpload = (
  choice: Extract<DatasetChoice, { kind: 'upload'; format: 'images' }>,
  source: ImageUploadSource | null,
  expect?: { name: string; fingerprint: ImageChoiceFingerprint },
) => controller().loadImageUpload(choice, source, expect);
export const cancelImageLoad = () => controller().cancelImageLoad();
/**
 * Starts the learning-rate range test of the current graph and settings; the diagnostics'
 * `find-lr` remedy calls this too. Its state is the store's `lrFinder`.
 */
export const findLearningRate = () => controller().findLearningRate();
export const cancelLearningRateFinder = () => controller().cancelLearningRateFinder();
/** Puts the chosen rule's suggestion into the Learning rate setting. */
export const applySuggestedRate = () => controller().applySuggestedRate();
