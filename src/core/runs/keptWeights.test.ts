import { describe, expect, it } from 'vitest';
import { keptWeights } from './keptWeights';

const info = (epoch: number) => ({ epoch, valLoss: 0.1 * epoch, bytes: 8 });

describe('keptWeights', () => {
  it('is the final weights, unless early stopping restored an earlier epoch', () => {
    const checkpoints = { final: info(9), best: info(4) };
    expect(keptWeights({ checkpoints })).toBe(checkpoints.final);
    expect(keptWeights({ checkpoints, earlyStop: { stoppedEpoch: 9, keptEpoch: 9 } })).toBe(
      checkpoints.final,
    );
    expect(keptWeights({ checkpoints, earlyStop: { stoppedEpoch: 9, keptEpoch: 4 } })).toBe(
      checkpoints.best,
    );
  });

  it('is none when the kept epoch’s weights are not stored', () => {
    const checkpoints = { final: info(9), best: info(5) };
    expect(keptWeights({ checkpoints, earlyStop: { stoppedEpoch: 9, keptEpoch: 4 } })).toBeNull();
  });
});
