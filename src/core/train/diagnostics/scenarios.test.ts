/**
 * The e2e scenarios of issue 11, proven first on the CPU backend through the real loop:
 * each raises its finding, and its remedy does what the e2e then checks in the browser.
 */
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseClassCsv } from '../../data/bundled';
import { makeSynthetic, SYNTHETIC_DATA_SEED } from '../../data/synthetic';
import { serializeProject } from '../../export/projectFile';
import type { ModelGraph } from '../../graph/types';
import type { Dataset } from '../../data/types';
import { executeRun, prepareRun } from '../run';
import type { EpochMetrics, TrainingConfig } from '../types';
import { remedyVerdict } from '../../runs/verdict';
import { diagnose } from './diagnose';
import { applyRemedy } from './remedies';
import { IMBALANCED_CSV, OVERFITTING_WORKSPACE } from './testScenarios';

const root = resolve(__dirname, '../../../..');

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function train(ds: Dataset, graph: ModelGraph, config: TrainingConfig) {
  const prepared = prepareRun(ds, graph, config);
  if (!prepared.ok) throw new Error(prepared.message);
  const history: EpochMetrics[] = [];
  const outcome = await executeRun({
    tf,
    graph,
    dataset: prepared.dataset,
    split: prepared.split,
    config,
    hooks: { onEpoch: (m) => history.push(m) },
    env: { selectBackend: async () => 'cpu' },
  });
  if (outcome.status !== 'completed') throw new Error(`run ${outcome.status}`);
  return { history, outcome, split: prepared.split };
}

/** Macro-averaged recall of a confusion matrix (rows: actual). */
function macroRecall(confusion: number[][]): number {
  const recalls = confusion.map(
    (row, i) =>
      row[i]! /
      Math.max(
        1,
        row.reduce((a, b) => a + b, 0),
      ),
  );
  return recalls.reduce((a, b) => a + b, 0) / recalls.length;
}

describe('the over-fitting scenario', () => {
  it('is the committed project file the e2e opens', () => {
    const file = readFileSync(resolve(root, 'e2e/fixtures/projects/overfitting.json'), 'utf8');
    expect(JSON.parse(file)).toEqual(JSON.parse(serializeProject(OVERFITTING_WORKSPACE)));
  });

  it('raises the over-fitting finding (and no divergence) on the CPU backend', async () => {
    const ws = OVERFITTING_WORKSPACE;
    if (ws.datasetChoice.kind !== 'synthetic') throw new Error('synthetic expected');
    const { id, size, noise } = ws.datasetChoice;
    const ds = makeSynthetic(id, size, noise, SYNTHETIC_DATA_SEED);
    const { history } = await train(ds, ws.graph, ws.config);
    const kinds = diagnose({ task: ds.task, loss: 'binaryCrossentropy', history }).map(
      (f) => f.kind,
    );
    expect(kinds).toContain('overfitting');
    expect(kinds).not.toContain('divergence');
    const best = Math.min(...history.map((m) => m.valLoss));
    // The margin the early-stopping remedy's "better" verdict rests on.
    expect(history.at(-1)!.valLoss).toBeGreaterThan(best * 1.3);
  }, 60_000);

  it('its "Early stopping" remedy gives a child whose kept weights do better', async () => {
    const ws = OVERFITTING_WORKSPACE;
    if (ws.datasetChoice.kind !== 'synthetic') throw new Error('synthetic expected');
    const { id, size, noise } = ws.datasetChoice;
    const ds = makeSynthetic(id, size, noise, SYNTHETIC_DATA_SEED);
    const parent = await train(ds, ws.graph, ws.config);
    const finding = diagnose({
      task: ds.task,
      loss: 'binaryCrossentropy',
      history: parent.history,
    }).find((f) => f.kind === 'overfitting')!;
    expect(finding.remedies[0]).toEqual({ id: 'early-stopping', label: 'Early stopping' });
    const plan = applyRemedy('early-stopping', {
      graph: ws.graph,
      config: ws.config,
      datasetChoice: ws.datasetChoice,
      target: null,
    });
    if (plan.kind !== 'edit') throw new Error(`remedy not applied: ${JSON.stringify(plan)}`);
    // The remedy is the only difference: same seed, split, graph.
    expect({ ...plan.config, earlyStopping: false }).toEqual(ws.config);
    expect(plan.graph).toEqual(ws.graph);

    const child = await train(ds, plan.graph, plan.config);
    const earlyStop = child.outcome.status === 'completed' ? child.outcome.earlyStop : undefined;
    expect(earlyStop).toBeDefined();
    expect(earlyStop!.stoppedEpoch).toBeLessThan(ws.config.epochs);
    // Same seed, same run until it stops: the kept epoch is the parent's best so far.
    const best = parent.history
      .slice(0, earlyStop!.stoppedEpoch)
      .reduce((a, b) => (b.valLoss < a.valLoss ? b : a));
    expect(earlyStop!.keptEpoch).toBe(best.epoch);
    const verdict = remedyVerdict({ epochs: parent.history }, { epochs: child.history, earlyStop });
    expect(verdict?.outcome).toBe('better');
    expect(verdict?.text).toMatch(/^Validation loss \d\.\d+ → \d\.\d+ \(better\)$/);
  }, 60_000);
});

describe('the imbalance scenario', () => {
  const ds = parseClassCsv(readFileSync(resolve(root, IMBALANCED_CSV), 'utf8'), 'imbalanced.csv');
  const graph: ModelGraph = {
    version: 1,
    nodes: [
      { id: 'input_1', type: 'Input', params: { shape: [2] }, position: { x: 0, y: 0 } },
      ...[1, 2].map((i) => ({
        id: `dense_${i}`,
        type: 'Dense' as const,
        params: { units: 8, activation: 'relu', useBias: true },
        position: { x: 0, y: 100 * i },
      })),
      {
        id: 'dense_3',
        type: 'Dense',
        params: { units: 3, activation: 'softmax', useBias: true },
        position: { x: 0, y: 300 },
      },
    ],
    edges: [
      { id: 'e1', source: 'input_1', target: 'dense_1' },
      { id: 'e2', source: 'dense_1', target: 'dense_2' },
      { id: 'e3', source: 'dense_2', target: 'dense_3' },
    ],
  };
  const config: TrainingConfig = { ...OVERFITTING_WORKSPACE.config, epochs: 30, batchSize: 32 };

  it('raises the imbalance finding, and weighting classes raises the test macro recall', async () => {
    const plain = await train(ds, graph, config);
    const counts = [0, 0, 0];
    for (const r of plain.split.train) counts[ds.y[r]!]! += 1;
    const findings = diagnose({
      task: ds.task,
      loss: 'categoricalCrossentropy',
      history: plain.history,
      classCounts: counts,
    });
    expect(findings.map((f) => f.kind)).toContain('imbalance');
    expect(findings.find((f) => f.kind === 'imbalance')!.remedies.map((r) => r.id)).toContain(
      'weight-classes',
    );

    const weighted = await train(ds, graph, { ...config, classWeights: true });
    const before = macroRecall(plain.outcome.evaluation!.confusion!);
    const after = macroRecall(weighted.outcome.evaluation!.confusion!);
    expect(after).toBeGreaterThan(before + 0.05);
  }, 60_000);
});
