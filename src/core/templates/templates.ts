/**
 * The template gallery as one table: per template its title, the paragraph the card
 * shows, the data it fits, its graph builder, its training settings and preprocessing,
 * the dataset it brings when the loaded one does not fit, and the Keras code it follows.
 * The gallery, the proposal banner, the tests and the bench all read this table; a new
 * template (text, recommendations, generation) is one entry here.
 */
import type { AugmentationSpec } from '../data/images/types';
import type { BundledId } from '../data/types';
import type { ModelGraph } from '../graph/types';
import type { TrainingConfig } from '../train/types';
import type { DataKind, TemplateDataset } from './dataKind';
import { convnetGraph, quickstartGraph, tabularGraph, type TemplateScale } from './graphs';
import { CONVNET_PYTHON, QUICKSTART_PYTHON, TABULAR_PYTHON } from './python';

export type TemplateId = 'image' | 'quickstart' | 'tabular';

/**
 * The training settings a template decides. The rest (seed, split, backend, class weights,
 * cross-validation) are the workspace's and stay as the user set them.
 */
export type TemplateSettings = Pick<
  TrainingConfig,
  | 'optimizer'
  | 'learningRate'
  | 'batchSize'
  | 'epochs'
  | 'loss'
  | 'earlyStopping'
  | 'earlyStoppingMonitor'
  | 'earlyStoppingMinDelta'
  | 'earlyStoppingPatience'
  | 'restoreBestWeights'
  | 'lrSchedule'
  | 'clipNorm'
>;

export interface TemplateSpec {
  id: TemplateId;
  title: string;
  /** What the model is, why it suits the data, and what to try next: the card's paragraph. */
  explanation: string;
  /** The data it fits, in the user's words, for the card ("Fits: …"). */
  fitsText: string;
  /** The kinds of data it fits (see dataKind.ts). */
  fits: readonly DataKind[];
  /** The built-in dataset loaded when the workspace's data is not one it fits. */
  dataset: BundledId;
  /** Its graph for a dataset it fits. */
  graph(ds: TemplateDataset, scale: TemplateScale): ModelGraph;
  settings: TemplateSettings;
  /** Image augmentation it turns on for image datasets; null leaves the data's as it is. */
  augmentation: AugmentationSpec | null;
  /** The Keras code it corresponds to. */
  python: string;
}

/** Settings every template starts from: Adam at Keras's default step, no schedule. */
const BASE_SETTINGS: TemplateSettings = {
  optimizer: 'adam',
  learningRate: 0.001,
  batchSize: 128,
  epochs: 5,
  loss: 'auto',
  earlyStopping: false,
  earlyStoppingMonitor: 'valLoss',
  earlyStoppingMinDelta: 0,
  earlyStoppingPatience: 5,
  restoreBestWeights: true,
  lrSchedule: 'constant',
  clipNorm: 0,
};

/**
 * Mild, label-preserving changes for photos and clothes alike. Flips are left off: they
 * change what digits and letters mean; turn them on for photos.
 */
export const CONVNET_AUGMENTATION: AugmentationSpec = {
  flipHorizontal: 0,
  flipVertical: 0,
  rotation: 10,
  shift: 0.1,
  zoom: 0.1,
  brightness: 0,
  contrast: 0,
};

export const TEMPLATES: Record<TemplateId, TemplateSpec> = {
  image: {
    id: 'image',
    title: 'Image classification CNN',
    explanation:
      'keras.io’s mnist_convnet: two 3×3 convolutions (32 and 64 filters), each followed by 2×2 max pooling, then Dropout 0.5 and a softmax layer. Convolutions learn small local patterns (edges, corners, textures) and reuse them everywhere in the image, so they need far fewer weights than a dense network and reach higher accuracy on pictures. Augmentation (small rotations, shifts and zooms of each training batch) is turned on so the network sees more variety than the images themselves. Try next: more epochs, a third convolution block, or BatchNormalization after each convolution; turn on flips for photos.',
    fitsText:
      'the built-in Fashion-MNIST images, image uploads, and tables of pixels (e.g. 784 columns)',
    fits: ['image', 'pixels'],
    dataset: 'fashion-mnist',
    graph: convnetGraph,
    settings: { ...BASE_SETTINGS, batchSize: 128, epochs: 15 },
    augmentation: CONVNET_AUGMENTATION,
    python: CONVNET_PYTHON,
  },
  quickstart: {
    id: 'quickstart',
    title: 'Keras quickstart',
    explanation:
      'The TensorFlow quickstart for beginners: Flatten the image into its pixels, one hidden Dense layer of 128 ReLU units, Dropout 0.2, and a softmax over the 10 classes, trained with Adam on sparse categorical cross-entropy at batch 128. It is the smallest network that does well on Fashion-MNIST and trains in seconds, a baseline every other model should beat. Try next: compare it with the CNN template, add a second hidden layer, or train more epochs and watch the validation loss.',
    fitsText: 'the built-in Fashion-MNIST images, image uploads, and tables of pixels',
    fits: ['image', 'pixels'],
    dataset: 'fashion-mnist',
    graph: quickstartGraph,
    settings: { ...BASE_SETTINGS, batchSize: 128, epochs: 5 },
    augmentation: null,
    python: QUICKSTART_PYTHON,
  },
  tabular: {
    id: 'tabular',
    title: 'Tabular classification / regression',
    explanation:
      'A dense network for tables: two hidden layers of 128 ReLU units (256 for tables of more than 128 features), each followed by Dropout 0.2, and an output layer for the target (softmax for classes, sigmoid for two, linear for a number). Columns keep the CSV pipeline’s defaults: numbers standardised and categories one-hot encoded, fitted on the training rows only. Early stopping ends training when the validation loss has not improved for 20 epochs and keeps the best epoch’s weights, so the epoch count is only a ceiling. Try next: class weights for rare classes, cross-validation for small tables, wider layers for large ones.',
    fitsText: 'Wine, uploaded CSV tables (classification or regression)',
    fits: ['tabular'],
    dataset: 'wine',
    graph: tabularGraph,
    settings: {
      ...BASE_SETTINGS,
      batchSize: 32,
      epochs: 300,
      earlyStopping: true,
      earlyStoppingPatience: 20,
    },
    augmentation: null,
    python: TABULAR_PYTHON,
  },
};

/** The gallery's order. */
export const TEMPLATE_IDS: readonly TemplateId[] = ['image', 'quickstart', 'tabular'];

/** Whether a template fits a dataset of these kinds (see dataKindsOf). */
export function templateFits(id: TemplateId, kinds: readonly DataKind[]): boolean {
  return TEMPLATES[id].fits.some((k) => kinds.includes(k));
}
