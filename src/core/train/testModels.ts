/** Small models for the core's unit tests, built directly with TF.js layers. */
import type * as tfjs from '@tensorflow/tfjs';

/** Dense MLP: inputSize → hidden... → outputs (sigmoid for 1 unit, softmax otherwise). */
export function testMlp(
  tf: typeof tfjs,
  inputSize: number,
  hidden: number[],
  outputs: number,
  seed: number,
  dropout = 0,
): tfjs.LayersModel {
  const model = tf.sequential();
  hidden.forEach((units, i) => {
    model.add(
      tf.layers.dense({
        units,
        activation: 'relu',
        kernelInitializer: tf.initializers.glorotUniform({ seed: seed + i }),
        ...(i === 0 ? { inputShape: [inputSize] } : {}),
      }),
    );
    if (dropout > 0) model.add(tf.layers.dropout({ rate: dropout }));
  });
  model.add(
    tf.layers.dense({
      units: outputs,
      activation: outputs === 1 ? 'sigmoid' : 'softmax',
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 100 }),
    }),
  );
  return model;
}
