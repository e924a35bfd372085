/**
 * The scripts' predict_binary (run in python3 with numpy) predicts what the app's report
 * does at the same decision: the positive class when its probability is ≥ the threshold.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { positiveScores } from '../../evaluation/outputs';
import { DEFAULT_TRAINING_CONFIG } from '../../train/types';
import { chainOf } from '../../graph/testGraphs';
import type { PreprocessingInfo } from '../modelFiles';
import { withDecision } from '../preprocessing';
import { DECISION_PY } from './decision';
import { kerasScript } from './kerasScript';
import { pytorchScript } from './pytorchScript';

const pre: PreprocessingInfo = {
  format: 'train-smarter-preprocessing',
  version: 1,
  datasetName: 'screening',
  kind: 'tabular',
  task: 'binary',
  featureShape: [2],
  featureNames: ['a', 'b'],
  classNames: ['healthy', 'sick'],
  inputScale: 1,
  standardization: null,
};

function pythonPredict(info: PreprocessingInfo, outputs: number[][]): number[] {
  const code = [
    'import json',
    'import numpy as np',
    `PREPROCESSING = json.loads(${JSON.stringify(JSON.stringify(info))})`,
    DECISION_PY,
    `print(json.dumps(predict_binary(np.array(${JSON.stringify(outputs)})).tolist()))`,
  ].join('\n');
  return JSON.parse(
    execFileSync('/usr/bin/python3', ['-c', code], { encoding: 'utf8' }),
  ) as number[];
}

/** The app's rule, from the report's own scoring. */
function appPredict(outputs: number[][], positive: number, threshold: number): number[] {
  const units = outputs[0]!.length;
  const scores = positiveScores(outputs.flat(), units, positive);
  return Array.from(scores, (s) => (s >= threshold ? positive : 1 - positive));
}

describe('the exported decision', () => {
  const sigmoid = [[0.1], [0.3], [0.31], [0.7], [0.69999]];
  const softmax = sigmoid.map(([p]) => [1 - p!, p!]);

  it('predicts like the report for either positive class, sigmoid or softmax outputs', () => {
    for (const decision of [
      { positive: 1, threshold: 0.3 },
      { positive: 0, threshold: 0.3 },
      { positive: 0, threshold: 0.69 },
    ]) {
      const info = withDecision(pre, decision);
      const expected = appPredict(sigmoid, decision.positive, decision.threshold);
      expect(pythonPredict(info, sigmoid)).toEqual(expected);
      expect(pythonPredict(info, softmax)).toEqual(
        appPredict(softmax, decision.positive, decision.threshold),
      );
    }
  });

  it('without a decision predicts class 1 at 0.5', () => {
    expect(pythonPredict(pre, [[0.49], [0.5], [0.9]])).toEqual([0, 1, 1]);
  });

  it('is embedded in both scripts, and only binary tasks get one', () => {
    const info = withDecision(pre, { positive: 0, threshold: 0.42 });
    expect(info.decision).toEqual({ positive: 0, positiveClass: 'healthy', threshold: 0.42 });
    expect(
      withDecision({ ...pre, task: 'multiclass' }, { positive: 0, threshold: 0.4 }),
    ).not.toHaveProperty('decision');
    const graph = chainOf([
      ['input_1', 'Input', { shape: [2] }],
      ['dense_1', 'Dense', { units: 1, activation: 'sigmoid' }],
    ]);
    for (const script of [
      kerasScript({ graph, config: DEFAULT_TRAINING_CONFIG, preprocessing: info }),
      pytorchScript({ graph, config: DEFAULT_TRAINING_CONFIG, preprocessing: info }),
    ]) {
      if (!script.ok) throw new Error(script.message);
      expect(script.code).toContain('def predict_binary(outputs):');
      expect(script.code).toContain('predict_binary(');
      expect(script.code).toContain(
        '"decision":{"positive":0,"positiveClass":"healthy","threshold":0.42}',
      );
    }
  });
});
