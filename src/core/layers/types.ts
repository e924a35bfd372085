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
      default: number[];
      length?: number;
      minLength?: number;
      maxLength?: number;
      min: number;
      max: number;
    });

export type ShapeResult = { ok: true; shape: Shape } | { ok: false; message: string; fix?: string };

export interface BuildContext {
  /** Layer name in the TF.js model (the node id). */
  name: string;
  /** Seed for this layer's initialisers and randomness, derived from the run seed. */
  seed: number;
}

/**
 * One layer type. Adding a layer means one file exporting one of these and one line in
 * `registry.ts`; nothing else switches on the layer type.
 */
export interface LayerSpec {
  /** Registry name, Keras class name: "Dense", "Conv2D". */
  type: string;
  category: LayerCategory;
  /** One-line explanation of what the layer does, shown in palette and inspector. */
  description: string;
  params: readonly ParamSpec[];
  /** How many incoming edges the layer takes (max may be Infinity). */
  arity: { min: number; max: number };
  /** Output shape from input shapes (batch dim included), or a human error. */
  inferShape(inputs: readonly Shape[], params: LayerParams): ShapeResult;
  /** Number of weights, equal to TF.js `countParams()` of the built layer. */
  countParams(inputs: readonly Shape[], params: LayerParams): number;
  /** Of those, weights not trained by the optimizer (BatchNormalization moving stats); 0 if absent. */
  nonTrainableParams?(inputs: readonly Shape[], params: LayerParams): number;
  /** Builds the TF.js layer and applies it to its inputs (Input ignores inputs). */
  apply(
    tf: typeof tfjs,
    inputs: tfjs.SymbolicTensor[],
    params: LayerParams,
    ctx: BuildContext,
  ): tfjs.SymbolicTensor;
  /** Python expression building the layer in Keras, e.g. `layers.Dense(64, name="dense_1")`. */
  toKeras(params: LayerParams, ctx: { name: string }): string;
  /** PyTorch code of the layer (src/core/export/codegen/pytorchScript.ts); tensors stay NHWC. */
  toPyTorch?: TorchEmitter;
}

/** What a PyTorch emitter knows of one node: its Python name, input variables, static shapes. */
export interface TorchContext {
  py: string;
  inputs: string[];
  inShapes: Shape[];
  outShape: Shape;
  params: LayerParams;
}

/** PyTorch code of one layer: submodule lines for `__init__` and the forward expression. */
export interface TorchEmitter {
  /** Lines for `__init__` (submodules as `self.<py>`), without indentation. */
  init(ctx: TorchContext): string[];
  /** Python expression of the output, given the input variables. */
  forward(ctx: TorchContext): string;
}
