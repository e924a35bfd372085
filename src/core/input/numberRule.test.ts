import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberProblem, parseNumberInput, rangeText, type NumberRule } from './numberRule';

const batch: NumberRule = { label: 'Batch size', integer: true, min: 1, max: 65536 };
const lr: NumberRule = {
  label: 'Learning rate',
  integer: false,
  min: 0,
  max: 10,
  minExclusive: true,
};

describe('number rules', () => {
  it('words ranges with thousands separators and small numbers in full', () => {
    expect(rangeText(batch)).toBe('from 1 to 65,536');
    expect(rangeText(lr)).toBe('above 0 and at most 10');
    expect(rangeText({ min: 0.000001, max: 1 })).toBe('from 0.000001 to 1');
  });

  it('says what is wrong with a typed value, as the form always has', () => {
    expect(parseNumberInput('', batch)).toEqual({
      ok: false,
      message: 'Batch size must be a number from 1 to 65,536.',
    });
    expect(parseNumberInput('abc', batch).ok).toBe(false);
    expect(parseNumberInput('2.5', batch)).toEqual({
      ok: false,
      message: 'Batch size must be a whole number from 1 to 65,536.',
    });
    expect(parseNumberInput('70000', batch)).toEqual({
      ok: false,
      message: 'Batch size must be from 1 to 65,536.',
    });
    expect(parseNumberInput('0', lr)).toEqual({
      ok: false,
      message: 'Learning rate must be above 0 and at most 10.',
    });
  });

  it('accepts values in range, trimmed, including both inclusive ends', () => {
    expect(parseNumberInput(' 64 ', batch)).toEqual({ ok: true, value: 64 });
    expect(parseNumberInput('65536', batch)).toEqual({ ok: true, value: 65536 });
    expect(parseNumberInput('1e-7', lr)).toEqual({ ok: true, value: 1e-7 });
    expect(parseNumberInput('10', lr)).toEqual({ ok: true, value: 10 });
  });

  it('uses a field’s own message for every failure when it has one', () => {
    const points = {
      ...batch,
      label: 'Points',
      min: 20,
      max: 5000,
      message: 'Points: 20 to 5,000.',
    };
    for (const raw of ['', '5.5', '10', '9000']) {
      expect(parseNumberInput(raw, points)).toEqual({ ok: false, message: 'Points: 20 to 5,000.' });
    }
  });

  it('accepts exactly the finite values inside the range', () => {
    fc.assert(
      fc.property(fc.double(), (v) => {
        const ok = Number.isFinite(v) && v > 0 && v <= 10;
        expect(numberProblem(v, lr) === null).toBe(ok);
        expect(parseNumberInput(String(v), lr).ok).toBe(ok);
      }),
    );
  });
});
