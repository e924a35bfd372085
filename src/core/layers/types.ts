import type * as tfjs from '@tensorflow/tfjs';
import type { LayerParams, Shape } from '../graph/types';
import type { SearchSpec } from '../search/space';

export type LayerCategory =
  'Input' | 'Core' | 'Convolution' | 'Pooling' | 'Normalization' | 'Reshape' | 'Merge';

interface ParamBase {
  /** Keras parameter name, e.g. "units", "kernelSize". */
  name: string;
  /** Label shown in the inspector, e.g. "Units". */
  label: string;
  /** One-line explanation shown next to the control. */
  help: string;
  /** How a hyperparameter search may vary it (src/core/search/space.ts); absent: not searched. */
  search?: SearchSpec;
  /** Left out of the node's one-line summary at its default: most layers never change it. */
  quietDefault?: boolean;
}

/** Schema of one layer parameter: drives the inspector, validation and persistence. */
export type ParamSpec =
  | (ParamBase & { kind: 'int'; default: number; min: number; max: number })
  | (ParamBase & { kind: 'float'; default: number; min: number; max: number })
  | (ParamBase & { kind: 'enum'; default: string; options: readonly string[] })
  | (ParamBase & { kind: 'bool'; default: boolean })
  /** A list of positive integers (a shape, a kernel size). `length` fixes how many. */
  | (ParamBase & {
      kind: 'ints';
      // Readonly so that a schema written `as const` (which keeps names literal) fits.
      default: readonly number[];
      length?: number;
      minLength?: number;
      maxLength?: number;
      min: number;
      max: number;
    });

/** An enum param whose name and options are known to the compiler, e.g. `activation`. */
export type EnumParamSpec<N extends string, O extends string> = Extract<
  ParamSpec,
  { kind: 'enum' }
> & { name: N; default: O; options: readonly O[] };

/** The value a layer reads for one param: numbers, an option, a flag or a list. */
type ValueOf<S extends ParamSpec> = S extends { kind: 'int' | 'float' }
  ? number
  : S extends { kind: 'enum'; options: readonly (infer O)[] }
    ? O
    : S extends { kind: 'bool' }
      ? boolean
      : number[];

/**
 * The typed params of a layer, from its schema: `{ units: number; activation: 'relu' | … }`.
 * Names must be literals, so a misspelt `p.filterz` is a compile error in the layer file.
 */
export type ParamsOf<P extends readonly ParamSpec[]> = {
  [S in P[number] as S['name']]: ValueOf<S>;
};

export type ShapeResult = { ok: true; shape: Shape } | { ok: false; message: string; fix?: string };

export interface BuildContext {
  /** Layer name in the TF.js model (the node id). */
  name: string;
  /** Seed for this layer's initialisers and randomness, derived from the run seed. */
  seed: number;
}

/** The parts of a layer that do not read its params. */
interface LayerInfo<T extends string> {
  /** Registry name, Keras class name: "Dense", "Conv2D". */
  type: T;
  category: LayerCategory;
  /** One-line explanation of what the layer does, shown in palette and inspector. */
  description: string;
  /** How many incoming edges the layer takes (max may be Infinity). */
  arity: { min: number; max: number };
  /** Class name in a saved Keras/TF.js topology when it is not `type` ("InputLayer"). */
  kerasClassName?: string;
}

/** A layer's hooks, given its params as `Params` (typed in the layer file, a bag outside). */
interface LayerHooks<Params> {
  /** Output shape from input shapes (batch dim included), or a human error. */
  inferShape(inputs: readonly Shape[], params: Params): ShapeResult;
  /** Number of weights, equal to TF.js `countParams()` of the built layer. */
  countParams(inputs: readonly Shape[], params: Params): number;
  /** Of those, weights not trained by the optimizer (BatchNormalization moving stats); 0 if absent. */
  nonTrainableParams?(inputs: readonly Shape[], params: Params): number;
  /** Builds the TF.js layer and applies it to its inputs (Input ignores inputs). */
  apply(
    tf: typeof tfjs,
    inputs: tfjs.SymbolicTensor[],
    params: Params,
    ctx: BuildContext,
  ): tfjs.SymbolicTensor;
  /** Python expression building the layer in Keras, e.g. `layers.Dense(64, name="dense_1")`. */
  toKeras(params: Params, ctx: { name: string }): string;
  /** PyTorch code of the layer (src/core/export/codegen/pytorchScript.ts); tensors stay channels-last. */
  toPyTorch?: TorchEmitter<Params>;
}

/**
 * One layer type, as the rest of the app sees it: hooks take the node's params as stored
 * and fall back to each default. Written with `defineLayer` (define.ts); adding a layer
 * means one file and one line in `registry.ts`; nothing else switches on the layer type.
 */
export interface LayerSpec<T extends string = string>
  extends LayerInfo<T>, LayerHooks<LayerParams> {
  params: readonly ParamSpec[];
  /**
   * Params from a layer's Keras/TF.js `config`. Absent: each param is read from the
   * config key of its snake_case name (src/core/export/kerasTopology.ts).
   */
  fromKeras?(config: Record<string, unknown>): LayerParams;
}

/** What a layer file writes: its schema `P` and hooks that read params typed from it. */
export interface LayerDefinition<T extends string, P extends readonly ParamSpec[]>
  extends LayerInfo<T>, LayerHooks<ParamsOf<P>> {
  params: P;
  fromKeras?(config: Record<string, unknown>): Partial<ParamsOf<P>>;
}

/** What a PyTorch emitter knows of one node: its Python name, input variables, static shapes. */
export interface TorchContext<Params = LayerParams> {
  py: string;
  inputs: string[];
  inShapes: Shape[];
  outShape: Shape;
  params: Params;
}

/** PyTorch code of one layer: submodule lines for `__init__` and the forward expression. */
export interface TorchEmitter<Params = LayerParams> {
  /** Lines for `__init__` (submodules as `self.<py>`), without indentation. */
  init(ctx: TorchContext<Params>): string[];
  /** Python expression of the output, given the input variables. */
  forward(ctx: TorchContext<Params>): string;
  /**
   * Lines of `reset_parameters` (re-)initialising the layer's weights as TF.js does;
   * absent for layers whose torch defaults already match (BatchNorm) or without weights.
   */
  reset?(ctx: TorchContext<Params>): string[];
  /**
   * Python expression of the layer's term of the loss (its L1/L2 kernel penalty, over
   * `self.<py>`), or null when it adds none; absent for layers without a kernel.
   */
  penalty?(ctx: TorchContext<Params>): string | null;
}
