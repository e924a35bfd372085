import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FILTER_GRADIENT_CASES, filterGradientErrors } from './selfCheck';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the in-browser check of the WebGL filter gradient', () => {
  it("finds its direct sum equal to TF.js's CPU kernel on every case", async () => {
    const errors = await filterGradientErrors(tf);
    expect(errors).toHaveLength(FILTER_GRADIENT_CASES.length);
    for (const e of errors) expect(e.error, e.case).toBeLessThan(1e-5);
  });

  it('reports a wrong gradient', async () => {
    // A filter gradient twice too large, in place of the CPU kernel's.
    const kernel = tf.getKernel('Conv2DBackpropFilter', 'cpu')!;
    tf.unregisterKernel('Conv2DBackpropFilter', 'cpu');
    tf.registerKernel({
      ...kernel,
      kernelFunc: (args) => {
        const out = kernel.kernelFunc(args) as tf.TensorInfo;
        const t = tf.engine().makeTensorFromTensorInfo(out);
        const doubled = tf.mul(t, 2);
        t.dispose();
        return doubled;
      },
    });
    try {
      const errors = await filterGradientErrors(tf, FILTER_GRADIENT_CASES.slice(0, 1));
      expect(errors[0]!.error).toBeGreaterThan(0.5);
    } finally {
      tf.unregisterKernel('Conv2DBackpropFilter', 'cpu');
      tf.registerKernel(kernel);
    }
  });
});
