import { lastDim } from '../graph/shape';
import type { LayerSpec, ParamSpec } from './types';
import {
  activationOf,
  activationParam,
  applyLayer,
  boolParam,
  intsParam,
  kerasCall,
  numParam,
  paddingParam,
  pyBool,
  pyStr,
  pyTuple,
  strParam,
  useBiasParam,
} from './shared';
import { slideWindow } from './spatial';
import {
  staticDim,
  torchActivation,
  torchPadding,
  toNCHW,
  toNHWC,
} from '../export/codegen/torchHelpers';

const params: readonly ParamSpec[] = [
  {
    name: 'filters',
    label: 'Filters',
    kind: 'int',
    default: 8,
    min: 1,
    max: 1024,
    help: 'Number of patterns (output channels) the layer learns to detect. More filters see more kinds of features but cost time and memory.',
  },
  {
    name: 'kernelSize',
    label: 'Kernel size',
    kind: 'ints',
    default: [3, 3],
    length: 2,
    min: 1,
    max: 64,
    help: 'Height and width of the window each filter looks at. 3×3 is the usual choice; larger windows see more context per step.',
  },
  {
    name: 'strides',
    label: 'Strides',
    kind: 'ints',
    default: [1, 1],
    length: 2,
    min: 1,
    max: 16,
    help: 'How far the window moves each step. 2 halves the height and width, which shrinks the image cheaply.',
  },
  paddingParam,
  activationParam('relu'),
  useBiasParam,
];

/** 2-D convolution over images (channels last). */
export const Conv2D: LayerSpec = {
  type: 'Conv2D',
  category: 'Convolution',
  description: 'Slides small learned filters over an image to detect local patterns such as edges.',
  params,
  arity: { min: 1, max: 1 },
  inferShape(inputs, p) {
    const input = inputs[0];
    if (!input) return { ok: false, message: 'has no input' };
    return slideWindow(
      input,
      intsParam(params, p, 'kernelSize'),
      intsParam(params, p, 'strides'),
      strParam(params, p, 'padding'),
      numParam(params, p, 'filters'),
      'kernel',
    );
  },
  countParams(inputs, p) {
    const input = inputs[0];
    const channels = input ? (lastDim(input) ?? 0) : 0;
    const [kh = 1, kw = 1] = intsParam(params, p, 'kernelSize');
    const filters = numParam(params, p, 'filters');
    return kh * kw * channels * filters + (boolParam(params, p, 'useBias') ? filters : 0);
  },
  apply(tf, inputs, p, ctx) {
    const layer = tf.layers.conv2d({
      filters: numParam(params, p, 'filters'),
      kernelSize: intsParam(params, p, 'kernelSize'),
      strides: intsParam(params, p, 'strides'),
      padding: strParam(params, p, 'padding') === 'same' ? 'same' : 'valid',
      activation: activationOf(params, p),
      useBias: boolParam(params, p, 'useBias'),
      kernelInitializer: tf.initializers.glorotUniform({ seed: ctx.seed }),
      biasInitializer: 'zeros',
      name: ctx.name,
    });
    return applyLayer(layer, inputs);
  },
  toKeras(p, ctx) {
    const strides = intsParam(params, p, 'strides');
    const useBias = boolParam(params, p, 'useBias');
    return kerasCall(
      'Conv2D',
      [
        String(numParam(params, p, 'filters')),
        pyTuple(intsParam(params, p, 'kernelSize')),
        strides.every((s) => s === 1) ? null : `strides=${pyTuple(strides)}`,
        `padding=${pyStr(strParam(params, p, 'padding'))}`,
        `activation=${pyStr(activationOf(params, p))}`,
        useBias ? null : `use_bias=${pyBool(useBias)}`,
      ],
      ctx.name,
    );
  },
  toPyTorch: {
    init: (c) => [
      `self.${c.py} = nn.Conv2d(${staticDim(c.inShapes[0], -1)}, ${numParam(params, c.params, 'filters')}, ${pyTuple(intsParam(params, c.params, 'kernelSize'))}, stride=${pyTuple(intsParam(params, c.params, 'strides'))}, bias=${pyBool(boolParam(params, c.params, 'useBias'))})`,
    ],
    forward(c) {
      const pad = torchPadding(
        c.inShapes[0],
        intsParam(params, c.params, 'kernelSize'),
        intsParam(params, c.params, 'strides'),
        strParam(params, c.params, 'padding'),
      );
      const x = toNCHW(c.inputs[0]!);
      const conv = `self.${c.py}(${pad ? `F.pad(${x}, ${pyTuple(pad)})` : x})`;
      return torchActivation(activationOf(params, c.params), toNHWC(conv));
    },
  },
};
