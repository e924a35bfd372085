import { describe, expect, it } from 'vitest';
import { NO_AUGMENTATION } from '../data/images/types';
import { presetGraph } from '../graph/presets';
import { diagnose } from '../train/diagnostics/diagnose';
import { DEFAULT_TRAINING_CONFIG } from '../train/types';
import { diagnosisInputFor, recordTask } from './diagnosisInput';
import { runRecordSchema } from './record';
import { epochsWith, testRecord } from './testRecords';

const overfit = epochsWith([1, 0.8, 0.7, 0.8, 0.9, 1]);

describe('diagnosis input from a run record', () => {
  it('takes the history, batches, loss, task and the last hidden layer from the record', () => {
    const record = testRecord('r', {
      epochs: overfit,
      batches: [{ step: 0, epoch: 1, loss: 1 }],
    });
    const input = diagnosisInputFor(record);
    expect(input).toMatchObject({
      task: 'binary',
      loss: 'binaryCrossentropy',
      history: overfit,
      batches: record.batches,
      lastHiddenLayer: 'dense_2',
      images: false,
      lrFinder: true,
      minDelta: 0,
    });
    expect(input.classCounts).toBeUndefined();
    expect(diagnose(input).map((f) => f.kind)).toEqual(['overfitting']);
  });

  it('finds the same after a reload: the stored (JSON) record diagnoses the same', () => {
    const record = testRecord('r', { epochs: overfit });
    const reloaded = runRecordSchema.parse(JSON.parse(JSON.stringify(record)));
    expect(diagnose(diagnosisInputFor(reloaded))).toEqual(diagnose(diagnosisInputFor(record)));
  });

  it('uses early stopping’s min delta only when early stopping is on', () => {
    const config = { ...DEFAULT_TRAINING_CONFIG, earlyStoppingMinDelta: 0.5 };
    expect(diagnosisInputFor(testRecord('r', { config })).minDelta).toBe(0);
    expect(
      diagnosisInputFor(testRecord('r', { config: { ...config, earlyStopping: true } })).minDelta,
    ).toBe(0.5);
  });

  it('counts training classes and validation macro recall from the stored outputs', () => {
    const outputs = {
      task: 'binary' as const,
      classNames: ['a', 'b'],
      trainLabels: Float32Array.from([0, 0, 0, 0, 1]),
      validation: {
        rows: Int32Array.from([0, 1, 2, 3]),
        labels: Float32Array.from([0, 0, 0, 1]),
        outputs: Float32Array.from([0.2, 0.1, 0.3, 0.4]),
        units: 1,
        splitSize: 4,
      },
      test: null,
    };
    const input = diagnosisInputFor(testRecord('r'), { outputs, classCounts: [9, 9] });
    expect(input.classCounts).toEqual([4, 1]);
    expect(input.valMacroRecall).toBe(0.5);
    expect(input.valAccuracy).toBe(0.75);
    // Without outputs, the loaded dataset's counts stand in.
    expect(diagnosisInputFor(testRecord('r'), { classCounts: [9, 3] }).classCounts).toEqual([9, 3]);
  });

  it('offers augmentation for uploaded image folders only', () => {
    const images = testRecord('r', {
      datasetChoice: {
        kind: 'upload',
        format: 'images',
        uploadId: 'u',
        name: 'pets',
        decode: { size: 'auto', color: 'rgb', centerCrop: false },
        scaling: 'unit',
        augmentation: NO_AUGMENTATION,
      },
      graph: presetGraph('cnn'),
    });
    expect(diagnosisInputFor(images)).toMatchObject({ images: true, lastHiddenLayer: 'conv2d_2' });
  });

  it('reads the task from the preprocessing, else from the class names', () => {
    const base = testRecord('r');
    expect(recordTask({ ...base, dataset: { ...base.dataset, classNames: [] } })).toBe(
      'regression',
    );
    expect(recordTask({ ...base, dataset: { ...base.dataset, classNames: ['a', 'b', 'c'] } })).toBe(
      'multiclass',
    );
  });

  it('reads the stored per-layer statistics: a reloaded run keeps its dead-units finding', () => {
    const flat = { left: 0, right: 1, counts: [4] };
    const dense = (layer: string, deadFraction: number) => ({
      layer,
      weights: flat,
      activations: flat,
      gradRms: 0.1,
      deadFraction,
      units: 8,
    });
    const layerStats = [{ epoch: 1, layers: [dense('dense_1', 0.9), dense('dense_2', 0)] }];
    const stored = runRecordSchema.parse(
      JSON.parse(JSON.stringify(testRecord('r', { layerStats }))),
    );
    const dead = diagnose(diagnosisInputFor(stored)).find((f) => f.kind === 'dead-units');
    expect(dead?.evidence.layers).toEqual(['dense_1']);
    expect(diagnosisInputFor(testRecord('r'))).not.toHaveProperty('layerStats');
  });
});
