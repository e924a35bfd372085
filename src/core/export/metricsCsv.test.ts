import { describe, expect, it } from 'vitest';
import { metricsCsv } from './metricsCsv';

describe('metricsCsv', () => {
  it('writes one row per epoch with the columns the run has', () => {
    const csv = metricsCsv([
      { epoch: 1, loss: 0.5, valLoss: 0.6, accuracy: 0.8, valAccuracy: 0.75, durationMs: 120 },
      { epoch: 2, loss: 0.25, valLoss: NaN, accuracy: 0.9, valAccuracy: 0.85, durationMs: 100 },
    ]);
    expect(csv).toBe(
      'epoch,loss,val_loss,accuracy,val_accuracy,duration_ms\n' +
        '1,0.5,0.6,0.8,0.75,120\n' +
        '2,0.25,NaN,0.9,0.85,100\n',
    );
  });

  it('uses MAE columns for regression and only a header without epochs', () => {
    expect(
      metricsCsv([{ epoch: 1, loss: 2, valLoss: 3, mae: 1, valMae: 1.5, durationMs: 9 }]),
    ).toBe('epoch,loss,val_loss,mae,val_mae,duration_ms\n1,2,3,1,1.5,9\n');
    expect(metricsCsv([])).toBe('\n');
  });
});
