/**
 * One input for "Try the model", made exactly as training made its rows: raw table values
 * through the run's fitted CSV pipeline or its standardisation, image bytes through the
 * batch maker (scale, per-channel normalisation; never augmentation).
 *
 *   const x = tableInput(record.preprocessing, { Alcohol: '13.2', region: 'North' });
 *   const x = imageInput({ width: 28, height: 28, channels: 1, pixels }, preprocessing, null);
 */
import type { Dataset, DatasetChoice } from '../data/types';
import { featuresFromRaw } from '../data/pipeline/raw';
import { normalizeFor, type Pixels } from '../data/images/pixels';
import type { ImagePipeline } from '../data/images/types';
import type { PreprocessingInfo } from '../export/modelFiles';
import { gatherBatch } from '../train/batches';

/** The features of one row of raw values (column or feature name → text as typed). */
export function tableInput(
  pre: PreprocessingInfo,
  values: Readonly<Record<string, string>>,
): Float32Array {
  if (pre.fittedPipeline) return featuresFromRaw(pre.fittedPipeline, values);
  const st = pre.standardization;
  return Float32Array.from(pre.featureNames, (name, j) => {
    const text = (values[name] ?? '').trim();
    const v = text === '' ? NaN : Number(text) * pre.inputScale;
    // An empty field (or not a number) is 0: the training mean once standardised, the
    // centre of a 2-D set.
    if (!Number.isFinite(v)) return 0;
    return st ? (v - st.mean[j]!) / st.std[j]! : v;
  });
}

/** How an image dataset's pixels are shaped and scaled for its model. */
export interface ImageInputSpec {
  width: number;
  height: number;
  channels: number;
  /** Uploads decoded with a centre crop are cropped the same way. */
  centerCrop: boolean;
  normalize: ImagePipeline['normalize'];
}

/** The image geometry and scaling of a run, from its preprocessing and dataset choice. */
export function imageInputSpec(pre: PreprocessingInfo, choice: DatasetChoice): ImageInputSpec {
  const [height = 1, width = 1, channels = 1] = pre.featureShape;
  const upload = choice.kind === 'upload' && choice.format === 'images' ? choice : null;
  return {
    width,
    height,
    channels,
    centerCrop: upload?.decode.centerCrop ?? false,
    normalize: upload ? normalizeFor(upload.scaling) : null,
  };
}

/** The model input of one image of dataset bytes, through the training batch maker. */
export function imageInput(
  image: Pixels,
  pre: PreprocessingInfo,
  normalize: ImagePipeline['normalize'],
): Float32Array {
  const [height, width, channels] = pre.featureShape;
  if (image.height !== height || image.width !== width || image.channels !== channels) {
    throw new RangeError(
      `A ${image.width}×${image.height}×${image.channels} image for a ${width}×${height}×${channels} model`,
    );
  }
  const one: Dataset = {
    name: pre.datasetName,
    kind: 'image',
    task: pre.task,
    featureShape: pre.featureShape,
    x: image.pixels,
    xScale: pre.inputScale,
    y: new Float32Array(1),
    n: 1,
    classNames: pre.classNames,
    featureNames: [],
    imagePipeline: { normalize, augmentation: null },
  };
  return gatherBatch(one, Int32Array.of(0)).x;
}
