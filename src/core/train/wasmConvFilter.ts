/**
 * Conv2DBackpropFilter for the WASM backend, which TF.js 4.22 does not ship (so no
 * convolutional model can train on WASM). It views the 4-D tensors as 5-D with depth 1
 * and calls the backend's own Conv3DBackpropFilterV2 kernel.
 *
 * That kernel is right for stride 1 but wrong for strides > 1 (relative error 4–7
 * against the CPU backend, measured; see DESIGN.md). Strided convolutions therefore
 * take another route, still on the stride-1 kernel: the filter gradient of a stride-s
 * convolution is sum over (i, j) of x[i·s + u − top, j·s + v − left] · dy[i, j], which
 * is the stride-1 'valid' gradient of the zero-padded input against dy dilated with
 * s − 1 zeros between its rows and columns. Checked against the CPU backend in
 * wasmConvFilter.test.ts.
 */
import type * as tfjs from '@tensorflow/tfjs';

type Kernel = (
  name: string,
  inputs: Record<string, tfjs.TensorInfo>,
  attrs: Record<string, unknown>,
) => tfjs.TensorInfo;

interface WasmBackendLike {
  disposeData(dataId: object): boolean;
}

/** Registers the kernel once; later calls do nothing. Call before training on 'wasm'. */
export function registerWasmConv2DBackpropFilter(tf: typeof tfjs): void {
  if (tf.getKernel('Conv2DBackpropFilter', 'wasm')) return;
  tf.registerKernel({
    kernelName: 'Conv2DBackpropFilter',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const run: Kernel = (name, kernelInputs, kernelAttrs) => {
        const kernel = tf.getKernel(name, 'wasm');
        if (!kernel) throw new Error(`The WASM backend has no ${name} kernel.`);
        return kernel.kernelFunc({
          inputs: kernelInputs,
          backend,
          attrs: kernelAttrs as tfjs.NamedAttrMap,
        }) as tfjs.TensorInfo;
      };
      const free = (t: tfjs.TensorInfo) => (backend as WasmBackendLike).disposeData(t.dataId);
      return conv2dBackpropFilter(tf, run, free, inputs, (attrs ?? {}) as unknown as FilterAttrs);
    },
  });
}

interface FilterAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | tfjs.backend_util.ExplicitPadding;
  dataFormat?: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

function conv2dBackpropFilter(
  tf: typeof tfjs,
  run: Kernel,
  free: (t: tfjs.TensorInfo) => void,
  inputs: tfjs.NamedTensorInfoMap,
  attrs: FilterAttrs,
): tfjs.TensorInfo {
  const x = inputs['x'];
  const dy = inputs['dy'];
  if (!x || !dy) throw new Error('Conv2DBackpropFilter needs x and dy.');
  if (attrs.dataFormat === 'NCHW') {
    throw new Error('Conv2DBackpropFilter on WASM supports channels-last (NHWC) only.');
  }
  const [kh, kw, inC, outC] = attrs.filterShape;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    attrs.filterShape,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const { batchSize: b, strideHeight: sh, strideWidth: sw, outHeight: oh, outWidth: ow } = info;
  const temps: tfjs.TensorInfo[] = [];
  const keep = (t: tfjs.TensorInfo) => (temps.push(t), t);
  const reshape = (t: tfjs.TensorInfo, shape: number[]) =>
    keep(run('Reshape', { x: t }, { shape }));

  try {
    let x4 = x;
    let dy4 = dy;
    let pad: 'same' | 'valid' = 'valid';
    if (sh === 1 && sw === 1 && (attrs.pad === 'same' || attrs.pad === 'valid')) {
      // Stride 1: the 3-D kernel computes the same padding as the 2-D convolution.
      pad = attrs.pad;
    } else {
      x4 = paddedInput(x, info, run, keep);
      dy4 = dilatedGradient(dy, b, oh, ow, outC, sh, sw, run, keep, reshape);
    }
    const [, h, w] = x4.shape;
    const [, dh, dw] = dy4.shape;
    const filter5 = keep(
      run(
        'Conv3DBackpropFilterV2',
        { x: reshape(x4, [b, 1, h!, w!, inC]), dy: reshape(dy4, [b, 1, dh!, dw!, outC]) },
        { strides: [1, 1, 1], pad, filterShape: [1, kh, kw, inC, outC] },
      ),
    );
    // Not kept: this reshape shares filter5's data and is the kernel's output.
    return run('Reshape', { x: filter5 }, { shape: [kh, kw, inC, outC] });
  } finally {
    temps.forEach(free);
  }
}

/**
 * x zero-padded (top, left) and padded or cropped at the bottom and right to exactly the
 * rows a stride-1 'valid' pass over the dilated dy reads: (out − 1)·s + k.
 */
function paddedInput(
  x: tfjs.TensorInfo,
  info: tfjs.backend_util.Conv2DInfo,
  run: Kernel,
  keep: (t: tfjs.TensorInfo) => tfjs.TensorInfo,
): tfjs.TensorInfo {
  const { batchSize: b, inHeight: h, inWidth: w, inChannels: c, padInfo } = info;
  const needH = (info.outHeight - 1) * info.strideHeight + info.filterHeight;
  const needW = (info.outWidth - 1) * info.strideWidth + info.filterWidth;
  const bottom = needH - padInfo.top - h;
  const right = needW - padInfo.left - w;
  let out = x;
  if (padInfo.top > 0 || padInfo.left > 0 || bottom > 0 || right > 0) {
    const paddings = [
      [0, 0],
      [padInfo.top, Math.max(bottom, 0)],
      [padInfo.left, Math.max(right, 0)],
      [0, 0],
    ];
    out = keep(run('PadV2', { x: out }, { paddings, constantValue: 0 }));
  }
  if (bottom < 0 || right < 0) {
    out = keep(run('Slice', { x: out }, { begin: [0, 0, 0, 0], size: [b, needH, needW, c] }));
  }
  return out;
}

/** dy with s − 1 zero rows (columns) after each row (column), trailing zeros cut. */
function dilatedGradient(
  dy: tfjs.TensorInfo,
  b: number,
  oh: number,
  ow: number,
  outC: number,
  sh: number,
  sw: number,
  run: Kernel,
  keep: (t: tfjs.TensorInfo) => tfjs.TensorInfo,
  reshape: (t: tfjs.TensorInfo, shape: number[]) => tfjs.TensorInfo,
): tfjs.TensorInfo {
  if (sh === 1 && sw === 1) return dy;
  // [b·oh, 1, ow, 1, c] padded to [b·oh, sh, ow, sw, c] is each value followed by zeros.
  const spread = keep(
    run(
      'PadV2',
      { x: reshape(dy, [b * oh, 1, ow, 1, outC]) },
      {
        paddings: [
          [0, 0],
          [0, sh - 1],
          [0, 0],
          [0, sw - 1],
          [0, 0],
        ],
        constantValue: 0,
      },
    ),
  );
  const grid = reshape(spread, [b, oh * sh, ow * sw, outC]);
  return keep(
    run(
      'Slice',
      { x: grid },
      { begin: [0, 0, 0, 0], size: [b, (oh - 1) * sh + 1, (ow - 1) * sw + 1, outC] },
    ),
  );
}
