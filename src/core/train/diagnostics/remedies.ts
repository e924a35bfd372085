/**
 * What each diagnostics remedy changes: one pure edit of a run's graph, training settings
 * or image augmentation, with the change in words ("Learning rate 0.1 → 0.01"), or the
 * reason it cannot apply. The state layer applies the edit as one undo step and links the
 * next run to its parent; nothing here knows about the store.
 *
 *   const plan = applyRemedy('lr-divide-10', { graph, config, datasetChoice, target });
 *   if (plan.kind === 'edit') workspace = plan;   // plan.change: "Learning rate 0.1 → 0.01"
 */
import { withSettingRules } from '../configRules';
import { heInitRemedy, leakyReluRemedy } from './deadUnitRemedies';
import {
  num,
  refused,
  type Change,
  type Planner,
  type Refusal,
  type RemedyContext,
  type RemedyPlan,
} from './remedyPlan';
import { isAugmenting } from '../../data/images/augment';
import type { AugmentationSpec } from '../../data/images/types';
import { analyzeGraph } from '../../graph/analyze';
import { addNodeAfter, updateParams } from '../../graph/edit';
import { hiddenLayers, lastHiddenLayer, widthParam } from '../../graph/hiddenLayers';
import { adjacency } from '../../graph/topology';
import type { GraphNode } from '../../graph/types';
import { TRAINING_SETTINGS, type TrainingConfig } from '../settings';

export type { RemedyContext, RemedyPlan };

/** The Dropout rate, L2 strength and clipping norm the remedies use (the issue's values). */
export const REMEDY_DROPOUT_RATE = 0.3;
export const REMEDY_L2 = 1e-4;
export const REMEDY_CLIP_NORM = 1;

/** A moderate augmentation for the "augment" remedy: flips, small rotations, shifts and zooms. */
export const REMEDY_AUGMENTATION: AugmentationSpec = {
  flipHorizontal: 0.5,
  flipVertical: 0,
  rotation: 10,
  shift: 0.1,
  zoom: 0.1,
  brightness: 0,
  contrast: 0,
};

const lrRange = TRAINING_SETTINGS.learningRate.range;

function scaleLearningRate(ctx: RemedyContext, factor: number): Change | Refusal {
  const before = ctx.config.learningRate;
  const after = Number((before * factor).toPrecision(12));
  if (!(after > lrRange.min) || after > lrRange.max) {
    return refused(
      `A learning rate of ${num(after)} is outside ${num(lrRange.min)}–${num(lrRange.max)}.`,
    );
  }
  return {
    config: { ...ctx.config, learningRate: after },
    change: `Learning rate ${num(before)} → ${num(after)}`,
  };
}

/** The layer the Dropout and L2 remedies act on, or why there is none. */
function targetLayer(ctx: RemedyContext): GraphNode | Refusal {
  return lastHiddenLayer(ctx.graph) ?? refused('The model has no hidden layer to change.');
}

const isRefusal = (x: GraphNode | Refusal): x is Refusal => 'kind' in x;

function addDropout(ctx: RemedyContext): Change | Refusal {
  const layer = targetLayer(ctx);
  if (isRefusal(layer)) return layer;
  const next = adjacency(ctx.graph).outgoing.get(layer.id) ?? [];
  const follower = ctx.graph.nodes.find((n) => n.id === next[0]);
  // A Dropout already right after the layer is raised rather than doubled.
  if (next.length === 1 && follower?.type === 'Dropout') {
    const rate = Number(follower.params.rate ?? 0);
    if (rate >= REMEDY_DROPOUT_RATE)
      return refused(`${layer.id} is already followed by Dropout ${num(rate)}.`);
    return {
      graph: updateParams(ctx.graph, follower.id, { rate: REMEDY_DROPOUT_RATE }),
      change: `Dropout after ${layer.id} raised from ${num(rate)} to ${REMEDY_DROPOUT_RATE}`,
    };
  }
  const added = addNodeAfter(ctx.graph, 'Dropout', layer.id);
  const id = added.nodes[added.nodes.length - 1]!.id;
  return {
    graph: updateParams(added, id, { rate: REMEDY_DROPOUT_RATE }),
    change: `Dropout ${REMEDY_DROPOUT_RATE} added after ${layer.id}`,
  };
}

/** BatchNormalization after every hidden layer not already followed by one. */
function addBatchNorm(ctx: RemedyContext): Change | Refusal {
  let graph = ctx.graph;
  const added: string[] = [];
  for (const layer of hiddenLayers(ctx.graph)) {
    const next = adjacency(graph).outgoing.get(layer.id) ?? [];
    if (next.some((id) => graph.nodes.find((n) => n.id === id)?.type === 'BatchNormalization'))
      continue;
    graph = addNodeAfter(graph, 'BatchNormalization', layer.id);
    added.push(layer.id);
  }
  if (added.length === 0)
    return refused('Every hidden layer is already followed by BatchNormalization.');
  return { graph, change: `BatchNormalization added after ${added.join(', ')}` };
}

function addL2(ctx: RemedyContext): Change | Refusal {
  const layer = targetLayer(ctx);
  if (isRefusal(layer)) return layer;
  const before = Number(layer.params.l2 ?? 0);
  if (before >= REMEDY_L2) return refused(`${layer.id} already has L2 ${num(before)}.`);
  return {
    graph: updateParams(ctx.graph, layer.id, { l2: REMEDY_L2 }),
    change: before > 0 ? `L2 on ${layer.id} ${num(before)} → 1e-4` : `L2 1e-4 on ${layer.id}`,
  };
}

/** Multiplies every hidden layer's width by `factor` (at least 1 unit each). */
function scaleWidths(ctx: RemedyContext, factor: number, what: string): Change | Refusal {
  let graph = ctx.graph;
  const parts: string[] = [];
  for (const node of hiddenLayers(ctx.graph)) {
    const param = widthParam(node.type)!;
    const before = Number(node.params[param]);
    const after = Math.max(1, Math.round(before * factor));
    if (after === before) continue;
    graph = updateParams(graph, node.id, { [param]: after });
    parts.push(`${node.id} ${before} → ${after} ${param}`);
  }
  if (parts.length === 0) return refused('No hidden layer can change its width.');
  return { graph, change: `${what}: ${parts.join(', ')}` };
}

function deeper(ctx: RemedyContext): Change | Refusal {
  const last = hiddenLayers(ctx.graph)
    .filter((n) => widthParam(n.type) === 'units')
    .at(-1);
  if (!last) return refused('The model has no hidden layer with units to repeat.');
  const added = addNodeAfter(ctx.graph, last.type, last.id);
  const copy = added.nodes[added.nodes.length - 1]!;
  const activation =
    typeof last.params.activation === 'string' ? `, ${last.params.activation}` : '';
  return {
    graph: updateParams(added, copy.id, { ...last.params }),
    change: `${last.type} ${copy.id} (${String(last.params.units)} units${activation}) added after ${last.id}`,
  };
}

function setting<K extends keyof TrainingConfig>(
  ctx: RemedyContext,
  patch: Pick<TrainingConfig, K>,
  change: string,
): Change {
  // The same rules as the form (e.g. plateau patience following early stopping's).
  return { config: { ...ctx.config, ...withSettingRules(ctx.config, patch) }, change };
}

function scheduleLabel(value: TrainingConfig['lrSchedule']): string {
  return TRAINING_SETTINGS.lrSchedule.options.find((o) => o.value === value)?.label ?? value;
}

const PLANNERS: Record<string, Planner> = {
  'early-stopping': (ctx) => {
    if (ctx.config.earlyStopping) return refused('Early stopping is already on.');
    const patience = ctx.config.earlyStoppingPatience;
    return setting(
      ctx,
      { earlyStopping: true, restoreBestWeights: true },
      `Early stopping on (patience ${patience}, restore best weights)`,
    );
  },
  'add-dropout': addDropout,
  'add-l2': addL2,
  'add-batchnorm': addBatchNorm,
  'leaky-relu': leakyReluRemedy,
  'he-init': heInitRemedy,
  augment: (ctx) => {
    const choice = ctx.datasetChoice;
    if (choice.kind !== 'upload' || choice.format !== 'images')
      return refused('Augmentation applies to uploaded image folders only.');
    if (isAugmenting(choice.augmentation)) return refused('The images are already augmented.');
    return {
      datasetChoice: { ...choice, augmentation: REMEDY_AUGMENTATION },
      change: 'Image augmentation on (horizontal flip 50%, rotation ±10°, shift ±10%, zoom ±10%)',
    };
  },
  'fewer-units': (ctx) => scaleWidths(ctx, 0.5, 'Hidden layers halved'),
  wider: (ctx) => scaleWidths(ctx, 2, 'Hidden layers twice as wide'),
  deeper,
  'train-longer': (ctx) => {
    const before = ctx.config.epochs;
    const after = Math.min(before * 2, TRAINING_SETTINGS.epochs.range.max);
    if (after === before) return refused(`${before} epochs is the most a run can have.`);
    return setting(ctx, { epochs: after }, `Epochs ${before} → ${after}`);
  },
  'raise-lr': (ctx) => scaleLearningRate(ctx, 10),
  'lr-times-10': (ctx) => scaleLearningRate(ctx, 10),
  'lr-divide-10': (ctx) => scaleLearningRate(ctx, 0.1),
  'clip-gradients': (ctx) => {
    const before = ctx.config.clipNorm;
    if (before > 0 && before <= REMEDY_CLIP_NORM)
      return refused(`Gradients are already clipped at norm ${num(before)}.`);
    return setting(
      ctx,
      { clipNorm: REMEDY_CLIP_NORM },
      before > 0
        ? `Gradient clipping norm ${num(before)} → ${REMEDY_CLIP_NORM}`
        : `Gradients clipped to global norm ${REMEDY_CLIP_NORM}`,
    );
  },
  'weight-classes': (ctx) => {
    if (ctx.target?.task === 'regression') return refused('Class weights need classes.');
    if (ctx.config.classWeights) return refused('The classes are already weighted.');
    return setting(
      ctx,
      { classWeights: true },
      'Classes weighted by rarity (n / (classes × count))',
    );
  },
  'reduce-on-plateau': (ctx) => {
    const c = ctx.config;
    if (c.lrSchedule === 'plateau') return refused('The learning rate already drops on plateau.');
    // With early stopping on, the plateau must come first: half its patience (the issue's default).
    const patience =
      c.earlyStopping && c.plateauPatience >= c.earlyStoppingPatience
        ? Math.max(1, Math.floor(c.earlyStoppingPatience / 2))
        : c.plateauPatience;
    const was =
      c.lrSchedule === 'constant' ? '' : ` (was ${scheduleLabel(c.lrSchedule).toLowerCase()})`;
    return setting(
      ctx,
      { lrSchedule: 'plateau', plateauPatience: patience },
      `Learning-rate schedule: reduce on plateau (factor ${num(c.plateauFactor)}, patience ${patience})${was}`,
    );
  },
  'balanced-accuracy': () => ({
    kind: 'view',
    view: 'balanced-accuracy',
    change: 'The evaluation report leads with balanced accuracy',
  }),
  // Issue 14 brings the finder; until then the detectors are told `lrFinder: false`.
  'find-lr': () => ({
    kind: 'tool',
    tool: 'find-lr',
    change: "Learning-rate range test on this run's model and data",
  }),
};

/** The remedy ids applyRemedy knows. */
export const REMEDY_IDS: readonly string[] = Object.keys(PLANNERS);

/** Plans one remedy on a run's workspace: the edited graph/settings/data and the change, or why not. */
export function applyRemedy(remedyId: string, ctx: RemedyContext): RemedyPlan {
  const planner = PLANNERS[remedyId];
  if (!planner) return refused(`Unknown remedy "${remedyId}".`);
  const planned = planner(ctx);
  if ('kind' in planned) return planned;
  const graph = planned.graph ?? ctx.graph;
  if (graph !== ctx.graph) {
    // An edit must not break the model: no problem it did not already have.
    const before = new Set(analyzeGraph(ctx.graph, ctx.target).issues.map((i) => i.message));
    const added = analyzeGraph(graph, ctx.target).issues.filter((i) => !before.has(i.message));
    if (added.length > 0) return refused(`It would break the model: ${added[0]!.message}`);
  }
  return {
    kind: 'edit',
    graph,
    config: planned.config ?? ctx.config,
    datasetChoice: planned.datasetChoice ?? ctx.datasetChoice,
    change: planned.change,
  };
}
