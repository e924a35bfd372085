/**
 * The vocabulary of the diagnostics remedies (remedies.ts): what a remedy is given, what
 * it plans, and the pieces each planner returns.
 */
import type { DatasetChoice } from '../../data/types';
import type { ModelGraph, TargetSpec } from '../../graph/types';
import type { TrainingConfig } from '../settings';

/** Everything a remedy may change, and what the edited graph must still fit. */
export interface RemedyContext {
  graph: ModelGraph;
  config: TrainingConfig;
  datasetChoice: DatasetChoice;
  /** The dataset's output: an edited graph must analyse without new problems against it. */
  target: TargetSpec | null;
  /**
   * The layers (node ids) the finding names in its evidence, for remedies that change
   * them (the dead-units ones); absent, those remedies choose from the whole graph.
   */
  layers?: readonly string[];
}

export type RemedyPlan =
  /** A new workspace for the child run; `change` names the one difference in plain words. */
  | {
      kind: 'edit';
      graph: ModelGraph;
      config: TrainingConfig;
      datasetChoice: DatasetChoice;
      change: string;
    }
  /** Not a training change: how the run is reported (balanced accuracy leads the report). */
  | { kind: 'view'; view: 'balanced-accuracy'; change: string }
  /** A tool to run on the parent's workspace (the learning-rate range test), not a run. */
  | { kind: 'tool'; tool: 'find-lr'; change: string }
  | { kind: 'refused'; reason: string };

/** What a planner changes (absent parts stay as they were), with the change in words. */
export type Change = Partial<Pick<RemedyContext, 'graph' | 'config' | 'datasetChoice'>> & {
  change: string;
};
export type Refusal = Extract<RemedyPlan, { kind: 'refused' }>;
export type Planner = (ctx: RemedyContext) => Change | Exclude<RemedyPlan, { kind: 'edit' }>;

/** A refusal with its reason. */
export const refused = (reason: string): Refusal => ({ kind: 'refused', reason });

/** A number for a change sentence, without float noise (0.1 × 10 reads "1", not "1.0000000000000002"). */
export const num = (x: number): string => String(Number(x.toPrecision(12)));
