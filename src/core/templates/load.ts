/**
 * What loading a template changes, as plain data: the dataset choice (the workspace's own
 * when the template fits it, with the template's augmentation; else the template's
 * built-in dataset), the training settings, and, once that dataset is loaded, the graph.
 */
import { FASHION_MNIST_CLASSES } from '../data/bundled';
import type { BundledId, DatasetChoice } from '../data/types';
import type { TrainingConfig } from '../train/types';
import { stableJson } from '../runs/fingerprint';
import { dataKindsOf, type TemplateDataset } from './dataKind';
import type { TemplateScale } from './graphs';
import { TEMPLATES, templateFits, type TemplateId } from './templates';

/** Images a CI-scale template trains on when it brings a built-in image dataset. */
export const TINY_IMAGE_LIMIT = 512;

/**
 * The template's settings over the workspace's. CI scale trains one epoch of batch 16 at
 * a learning rate of 0.01: at 0.001, one epoch of the eighth-size CNN did not lower its
 * loss at all (measured on the CPU backend: 2.29 → 2.33 over 11 batches), at 0.01 it does.
 */
export function templateConfig(
  id: TemplateId,
  config: TrainingConfig,
  scale: TemplateScale,
): TrainingConfig {
  const next = { ...config, ...TEMPLATES[id].settings };
  return scale === 'tiny' ? { ...next, epochs: 1, batchSize: 16, learningRate: 0.01 } : next;
}

/**
 * The settings a template leaves once its dataset has loaded. `before` is the workspace's
 * settings when the template was chosen, `now` the settings at load time: a setting
 * changed in between was typed while the dataset loaded, and the person's value wins over
 * both the template's and the old one (an Epochs typed a second after choosing the image
 * template was lost before).
 */
export function templateConfigAfterLoad(
  id: TemplateId,
  before: TrainingConfig,
  now: TrainingConfig,
  scale: TemplateScale,
): TrainingConfig {
  const next = { ...templateConfig(id, before, scale) };
  for (const key of Object.keys(now) as (keyof TrainingConfig)[]) {
    if (stableJson(now[key]) !== stableJson(before[key])) copySetting(next, now, key);
  }
  return next;
}

function copySetting<K extends keyof TrainingConfig>(
  to: TrainingConfig,
  from: TrainingConfig,
  key: K,
): void {
  to[key] = from[key];
}

/** The dataset choice a template trains on, given the workspace's choice and loaded data. */
export function templateDatasetChoice(
  id: TemplateId,
  current: DatasetChoice,
  loaded: TemplateDataset | null,
  scale: TemplateScale,
): DatasetChoice {
  const spec = TEMPLATES[id];
  const augmentation = spec.augmentation;
  if (loaded && templateFits(id, dataKindsOf(loaded))) {
    const images = loaded.kind === 'image';
    if (!augmentation || !images) return current;
    if (current.kind === 'bundled' || (current.kind === 'upload' && current.format === 'images'))
      return { ...current, augmentation };
    return current;
  }
  const bundled: DatasetChoice = { kind: 'bundled', id: spec.dataset };
  const imageSet = spec.dataset === 'fashion-mnist';
  return {
    ...bundled,
    ...(imageSet && scale === 'tiny' ? { limit: TINY_IMAGE_LIMIT } : {}),
    ...(imageSet && augmentation ? { augmentation } : {}),
  };
}

/** The built-in datasets' facts, known before they are loaded (for the gallery's previews). */
const BUNDLED_FACTS: Record<BundledId, TemplateDataset> = {
  'fashion-mnist': {
    kind: 'image',
    task: 'multiclass',
    featureShape: [28, 28, 1],
    classNames: FASHION_MNIST_CLASSES,
  },
  wine: {
    kind: 'tabular',
    task: 'multiclass',
    featureShape: [13],
    classNames: ['class_0', 'class_1', 'class_2'],
  },
};

/** The dataset a template would train on: the loaded one when it fits, else its built-in one. */
export function templateDataset(id: TemplateId, loaded: TemplateDataset | null): TemplateDataset {
  if (loaded && templateFits(id, dataKindsOf(loaded))) return loaded;
  return BUNDLED_FACTS[TEMPLATES[id].dataset];
}

/** Whether two dataset choices name the same data under the same options. */
export function sameChoice(a: DatasetChoice, b: DatasetChoice): boolean {
  return stableJson(a) === stableJson(b);
}

/** The part of the workspace a template load sets besides the graph. */
export interface TemplateWorkspace {
  config: TrainingConfig;
  datasetChoice: DatasetChoice;
}

/** What a template load changed: undo puts `before` back, redo `after`. */
export interface TemplateLoadRecord {
  id: TemplateId;
  before: TemplateWorkspace;
  after: TemplateWorkspace;
}
