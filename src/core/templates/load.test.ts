import { describe, expect, it } from 'vitest';
import { NO_AUGMENTATION } from '../data/images/types';
import type { DatasetChoice } from '../data/types';
import { DEFAULT_TRAINING_CONFIG } from '../train/types';
import {
  sameChoice,
  templateConfig,
  templateConfigAfterLoad,
  templateDataset,
  templateDatasetChoice,
  TINY_IMAGE_LIMIT,
} from './load';
import { CONVNET_AUGMENTATION } from './templates';
import type { TemplateDataset } from './dataKind';

const circles: DatasetChoice = { kind: 'synthetic', id: 'circles', size: 400, noise: 0.1 };
const circlesData: TemplateDataset = {
  kind: 'points2d',
  task: 'binary',
  featureShape: [2],
  classNames: ['a', 'b'],
};
const upload: DatasetChoice = {
  kind: 'upload',
  format: 'images',
  uploadId: 'u1',
  name: 'pets',
  decode: { size: 'auto', color: 'rgb', centerCrop: false },
  scaling: 'unit',
  augmentation: NO_AUGMENTATION,
};
const petsData: TemplateDataset = {
  kind: 'image',
  task: 'binary',
  featureShape: [32, 32, 3],
  classNames: ['cat', 'dog'],
};
const csv: DatasetChoice = {
  kind: 'upload',
  format: 'csv',
  uploadId: 'c1',
  name: 'houses.csv',
  size: 10,
  hasHeader: true,
  spec: { version: 1, target: 'price', task: 'regression', standardizeTarget: true, columns: [] },
};
const housesData: TemplateDataset = {
  kind: 'tabular',
  task: 'regression',
  featureShape: [12],
  classNames: [],
};

describe('what a template load changes', () => {
  it('brings its built-in dataset when the loaded one does not fit', () => {
    expect(templateDatasetChoice('image', circles, circlesData, 'full')).toEqual({
      kind: 'bundled',
      id: 'fashion-mnist',
      augmentation: CONVNET_AUGMENTATION,
    });
    expect(templateDatasetChoice('quickstart', csv, housesData, 'full')).toEqual({
      kind: 'bundled',
      id: 'fashion-mnist',
    });
    expect(templateDatasetChoice('tabular', upload, petsData, 'full')).toEqual({
      kind: 'bundled',
      id: 'wine',
    });
    // CI scale trains on a sample of the built-in images.
    expect(templateDatasetChoice('image', circles, circlesData, 'tiny')).toMatchObject({
      limit: TINY_IMAGE_LIMIT,
    });
    // Before anything has loaded, nothing is known to fit.
    expect(templateDatasetChoice('tabular', csv, null, 'full')).toMatchObject({ id: 'wine' });
  });

  it('keeps a dataset it fits, turning the CNN’s augmentation on for images', () => {
    expect(templateDatasetChoice('tabular', csv, housesData, 'full')).toBe(csv);
    expect(templateDatasetChoice('quickstart', upload, petsData, 'full')).toBe(upload);
    const cnn = templateDatasetChoice('image', upload, petsData, 'full');
    expect(cnn).toEqual({ ...upload, augmentation: CONVNET_AUGMENTATION });
    expect(sameChoice(cnn, upload)).toBe(false);
    const bundled: DatasetChoice = { kind: 'bundled', id: 'fashion-mnist', limit: 500 };
    const fashion = templateDataset('image', null);
    expect(templateDatasetChoice('image', bundled, fashion, 'full')).toEqual({
      ...bundled,
      augmentation: CONVNET_AUGMENTATION,
    });
  });

  it('sets the template’s training settings and keeps the workspace’s seed, split and backend', () => {
    const mine = {
      ...DEFAULT_TRAINING_CONFIG,
      seed: 7,
      backend: 'wasm' as const,
      lrSchedule: 'cosine' as const,
    };
    const config = templateConfig('tabular', mine, 'full');
    expect(config).toMatchObject({
      seed: 7,
      backend: 'wasm',
      split: mine.split,
      optimizer: 'adam',
      learningRate: 0.001,
      earlyStopping: true,
      restoreBestWeights: true,
      lrSchedule: 'constant',
    });
    expect(templateConfig('quickstart', mine, 'full')).toMatchObject({ batchSize: 128, epochs: 5 });
    expect(templateConfig('image', mine, 'tiny')).toMatchObject({
      epochs: 1,
      batchSize: 16,
      learningRate: 0.01,
    });
  });

  it('keeps settings typed while the template’s dataset loaded, over the template’s', () => {
    const before = { ...DEFAULT_TRAINING_CONFIG, seed: 7 };
    // Chosen the image template, then typed 1 epoch and picked WASM during the load.
    const now = { ...before, epochs: 1, backend: 'wasm' as const };
    const config = templateConfigAfterLoad('image', before, now, 'full');
    expect(config).toMatchObject({ epochs: 1, backend: 'wasm', seed: 7 });
    // The template's other settings still apply.
    expect(config.batchSize).toBe(templateConfig('image', before, 'full').batchSize);
    expect(config.learningRate).toBe(templateConfig('image', before, 'full').learningRate);
  });

  it('is the template’s settings when nothing was typed during the load', () => {
    const before = { ...DEFAULT_TRAINING_CONFIG, seed: 3 };
    // A copy with equal values (a split object rebuilt by the store) is no edit.
    const now = { ...before, split: { ...before.split } };
    expect(templateConfigAfterLoad('quickstart', before, now, 'full')).toEqual(
      templateConfig('quickstart', before, 'full'),
    );
    const split = { train: 0.6, validation: 0.2, test: 0.2 };
    expect(templateConfigAfterLoad('tabular', before, { ...before, split }, 'full').split).toEqual(
      split,
    );
  });

  it('previews the built-in dataset’s shape for a template the loaded data does not fit', () => {
    expect(templateDataset('tabular', petsData).featureShape).toEqual([13]);
    expect(templateDataset('image', circlesData).featureShape).toEqual([28, 28, 1]);
    expect(templateDataset('image', petsData)).toBe(petsData);
  });
});
