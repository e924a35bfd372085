import { lastDim } from '../graph/shape';
import { defineLayer } from './define';
import {
  activationParam,
  applyLayer,
  kerasCall,
  kerasKernelInitializer,
  kerasKernelRegularizer,
  kernelInitializerArg,
  kernelInitializerParam,
  kernelRegularizerArgs,
  kernelRegularizerParams,
  paddingParam,
  pyBool,
  pyStr,
  pyTuple,
  useBiasParam,
} from './shared';
import { slideWindow } from './spatial';
import {
  staticDim,
  torchActivation,
  torchKernelPenalty,
  torchKernelReset,
} from '../export/codegen/torchHelpers';
import { toChannelsFirst, toChannelsLast, torchPadding } from '../export/codegen/torchLayout';

/** 2-D convolution over images (channels last). */
export const Conv2D = defineLayer({
  type: 'Conv2D',
  category: 'Convolution',
  description: 'Slides small learned filters over an image to detect local patterns such as edges.',
  params: [
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
    kernelInitializerParam,
    ...kernelRegularizerParams,
  ],
  arity: { min: 1, max: 1 },
  inferShape(inputs, p) {
    const input = inputs[0];
    if (!input) return { ok: false, message: 'has no input' };
    const window = { window: p.kernelSize, strides: p.strides, padding: p.padding };
    return slideWindow(input, 2, window, p.filters, 'kernel');
  },
  countParams(inputs, p) {
    const input = inputs[0];
    const channels = input ? (lastDim(input) ?? 0) : 0;
    const taps = p.kernelSize.reduce((a, b) => a * b, 1);
    return taps * channels * p.filters + (p.useBias ? p.filters : 0);
  },
  apply(tf, inputs, p, ctx) {
    const layer = tf.layers.conv2d({
      filters: p.filters,
      kernelSize: p.kernelSize,
      strides: p.strides,
      padding: p.padding,
      activation: p.activation,
      useBias: p.useBias,
      kernelInitializer: kernelInitializerArg(tf, p.kernelInitializer, ctx.seed),
      biasInitializer: 'zeros',
      ...kernelRegularizerArgs(tf, p),
      name: ctx.name,
    });
    return applyLayer(layer, inputs);
  },
  toKeras: (p, ctx) =>
    kerasCall(
      'Conv2D',
      [
        String(p.filters),
        pyTuple(p.kernelSize),
        p.strides.every((s) => s === 1) ? null : `strides=${pyTuple(p.strides)}`,
        `padding=${pyStr(p.padding)}`,
        `activation=${pyStr(p.activation)}`,
        p.useBias ? null : `use_bias=${pyBool(p.useBias)}`,
        kerasKernelInitializer(p.kernelInitializer),
        kerasKernelRegularizer(p),
      ],
      ctx.name,
    ),
  toPyTorch: {
    init: (c) => [
      `self.${c.py} = nn.Conv2d(${staticDim(c.inShapes[0], -1)}, ${c.params.filters}, ${pyTuple(c.params.kernelSize)}, stride=${pyTuple(c.params.strides)}, bias=${pyBool(c.params.useBias)})`,
    ],
    forward(c) {
      const { kernelSize, strides, padding } = c.params;
      const pad = torchPadding(c.inShapes[0], kernelSize, strides, padding);
      const x = toChannelsFirst(c.inputs[0]!, 4);
      const conv = `self.${c.py}(${pad ? `F.pad(${x}, ${pyTuple(pad)})` : x})`;
      return torchActivation(c.params.activation, toChannelsLast(conv, 4));
    },
    reset: (c) => torchKernelReset(`self.${c.py}`, c.params),
    penalty: (c) => torchKernelPenalty(`self.${c.py}.weight`, c.params),
  },
});
