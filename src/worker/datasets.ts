/**
 * The training worker's dataset: loading a built-in, synthetic or uploaded one by its
 * choice, and keeping it for the runs. Uploaded CSVs and images have their own loaders.
 */
import {
  BUNDLED_FILES,
  bundledForChoice,
  bundledIdentity,
  parseBundled,
} from '../core/data/bundled';
import { summarizeDataset } from '../core/data/summary';
import { makeSynthetic, SYNTHETIC_DATA_SEED } from '../core/data/synthetic';
import type { BundledId, Dataset, DatasetChoice } from '../core/data/types';
import { softwareRendererName } from '../core/train/backend';
import { builtinFingerprint, type DataFingerprint } from '../core/runs/fingerprint';
import { DEFAULT_TRAINING_CONFIG } from '../core/train/types';
import { explainError } from '../core/train/explainError';
import type { MachineFacts } from './backendSetup';
import { loadImageDataset } from './images/loadImages';
import { loadCsvDataset } from './ingest/csvIngest';
import type { CsvSplitConfig } from './ingest/csvMessages';
import { csvChoiceFingerprint } from './ingest/csvFingerprint';
import type { FromWorker } from './protocol';
import { CancellableRequests } from './cancellableRequests';

/** Loads datasets one after the other and keeps the latest for training. */
export class DatasetHolder {
  current: Dataset | null = null;
  /** What identifies `current` (the summary's fingerprint): examples are read only for its runs. */
  fingerprint: DataFingerprint | null = null;
  /** Settles when the dataset requested last has loaded (or failed). */
  loaded: Promise<void> = Promise.resolve();
  private readonly bundledCache = new Map<BundledId, Dataset>();
  /** Requests queued or loading; a cancelImageLoad aborts the one it names. */
  private readonly pending = new CancellableRequests();

  constructor(
    private readonly post: (msg: FromWorker) => void,
    private readonly origin: string,
  ) {}

  /** Queues a load behind the previous one; the answer is a datasetLoaded or datasetError. */
  request(requestId: number, choice: DatasetChoice, machine: MachineFacts, split?: CsvSplitConfig) {
    const signal = this.pending.begin(requestId);
    this.loaded = this.loaded
      .then(() => this.load(requestId, choice, machine, signal, split))
      .finally(() => this.pending.end(requestId));
  }

  /** Cancels that request only (image loads stop between images); others go on. */
  cancel(requestId: number): void {
    this.pending.cancel(requestId);
  }

  private async load(
    requestId: number,
    choice: DatasetChoice,
    machine: MachineFacts,
    signal: AbortSignal,
    split?: CsvSplitConfig,
  ): Promise<void> {
    const post = this.post;
    try {
      if (choice.kind === 'upload' && choice.format === 'csv') {
        const loaded = await loadCsvDataset(
          choice,
          split ?? { ratios: DEFAULT_TRAINING_CONFIG.split, seed: DEFAULT_TRAINING_CONFIG.seed },
        );
        const fingerprint = await csvChoiceFingerprint(choice);
        this.keep(loaded.dataset, fingerprint ?? null);
        post({ type: 'datasetLoaded', requestId, summary: { ...loaded.summary, fingerprint } });
        return;
      }
      if (choice.kind === 'upload' && choice.format === 'images') {
        const loaded = await loadImageDataset(choice, {
          requestId,
          signal,
          realGpu: machine.hasWebGL && softwareRendererName(machine.webglRenderer) === null,
          onProgress: (p) => post({ type: 'imageProgress', ...p }),
        });
        this.keep(loaded.dataset, loaded.fingerprint);
        const summary = {
          ...summarizeDataset(loaded.dataset),
          imageInfo: loaded.info,
          fingerprint: loaded.fingerprint,
        };
        post({ type: 'datasetLoaded', requestId, summary });
        return;
      }
      const ds =
        choice.kind === 'synthetic'
          ? makeSynthetic(choice.id, choice.size, choice.noise, SYNTHETIC_DATA_SEED)
          : bundledForChoice(await this.bundled(choice.id), choice);
      const fingerprint = builtinFingerprint(
        ds.name,
        choice.kind === 'bundled' ? bundledIdentity(choice) : choice,
      );
      this.keep(ds, fingerprint);
      post({
        type: 'datasetLoaded',
        requestId,
        summary: { ...summarizeDataset(ds), fingerprint },
      });
    } catch (err) {
      post({ type: 'datasetError', requestId, message: explainError(err) });
    }
  }

  private keep(ds: Dataset, fingerprint: DataFingerprint | null): void {
    this.current = ds;
    this.fingerprint = fingerprint;
  }

  /** Fetched once per worker from the app's own origin, then kept. */
  private async bundled(id: BundledId): Promise<Dataset> {
    const cached = this.bundledCache.get(id);
    if (cached) return cached;
    const url = new URL(`${import.meta.env.BASE_URL}${BUNDLED_FILES[id]}`, this.origin);
    const response = await fetch(url);
    if (!response.ok) {
      throw new Error(
        `Could not load ${url.pathname} (HTTP ${response.status}); try reloading the page.`,
      );
    }
    const ds = parseBundled(id, await response.arrayBuffer());
    this.bundledCache.set(id, ds);
    return ds;
  }
}
