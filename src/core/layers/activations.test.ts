import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { torchActivation } from '../export/codegen/torchHelpers';
import { ACTIVATIONS, ACTIVATION_NAMES, isActivation } from './activations';
import { activationParam } from './shared';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the activation table', () => {
  it('is the activation param’s list of options', () => {
    const spec = activationParam('relu');
    expect(spec.kind === 'enum' && spec.options).toEqual(ACTIVATION_NAMES);
  });

  it.each(ACTIVATION_NAMES)(
    '%s is spelled the same in Keras and TF.js, which builds it',
    (name) => {
      // The layers hand the name to TF.js and to the Keras script alike.
      expect(ACTIVATIONS[name].keras).toBe(name);
      const input = tf.input({ shape: [3] });
      expect(() =>
        tf.layers.activation({ activation: ACTIVATIONS[name].keras }).apply(input),
      ).not.toThrow();
    },
  );

  it('writes the PyTorch expression around its input', () => {
    expect(torchActivation('linear', 'x')).toBe('x');
    expect(torchActivation('softmax', 'self.d(x)')).toBe('F.softmax(self.d(x), dim=-1)');
    // `$&` in Python would be odd, but must come through as written.
    expect(torchActivation('relu', 'a$&b')).toBe('F.relu(a$&b)');
    for (const name of ACTIVATION_NAMES) expect(torchActivation(name, 'v')).toContain('v');
    expect(() => torchActivation('swish', 'x')).toThrow(/No PyTorch activation/);
  });

  it('knows only its own names', () => {
    expect(isActivation('relu')).toBe(true);
    expect(isActivation('toString')).toBe(false);
    expect(isActivation(3)).toBe(false);
  });
});
