/** fast-check arbitraries of valid training configs, built from the table. Not imported by app code. */
import fc from 'fast-check';
import { SETTING_KEYS, settingSpec, type SettingSpec, type TrainingConfig } from './settings';

// -0 does not survive JSON (it becomes 0), and the app never produces it.
const noNegZero = (x: number) => (Object.is(x, -0) ? 0 : x);

/** Any value a setting accepts: a new setting is covered by the round-trip tests unasked. */
export function settingArb(spec: SettingSpec): fc.Arbitrary<unknown> {
  switch (spec.kind) {
    case 'int':
      // fc.integer stops at 2^31 - 1; seeds go to 2^32 - 1.
      return fc
        .bigInt({ min: BigInt(spec.range.min), max: BigInt(spec.range.max) })
        .map((n) => Number(n));
    case 'real':
      return fc
        .double({
          min: spec.range.min,
          max: spec.range.max,
          minExcluded: spec.range.minExclusive ?? false,
          noNaN: true,
          noDefaultInfinity: true,
        })
        .map(noNegZero);
    case 'choice':
      return fc.constantFrom(...spec.options.map((o) => o.value));
    case 'boolean':
      return fc.boolean();
    case 'split':
      return fc
        .tuple(fc.integer({ min: 10, max: 90 }), fc.integer({ min: 1, max: 90 }))
        .filter(([t, v]) => t + v <= 100)
        .map(([t, v]) => ({ train: t / 100, validation: v / 100, test: (100 - t - v) / 100 }));
    default: {
      const never: never = spec;
      throw new Error(`Unknown setting kind ${String(never)}`);
    }
  }
}

export const trainingConfigArb = fc.record(
  Object.fromEntries(SETTING_KEYS.map((k) => [k, settingArb(settingSpec(k))])),
) as unknown as fc.Arbitrary<TrainingConfig>;
