import { DEAD_UNIT_ZERO_SHARE } from './types';

/**
 * The share of units that are dead: a layer's outputs, row-major with the units on the
 * last axis, where a unit is dead if at least `zeroShare` of its outputs (over the batch
 * and any spatial positions) are exactly zero.
 */
export function deadUnitFraction(
  outputs: ArrayLike<number>,
  units: number,
  zeroShare = DEAD_UNIT_ZERO_SHARE,
): number {
  if (units <= 0 || outputs.length === 0) return 0;
  const zeros = new Array<number>(units).fill(0);
  for (let i = 0; i < outputs.length; i++) if (outputs[i] === 0) zeros[i % units]! += 1;
  const perUnit = outputs.length / units;
  return zeros.filter((z) => z >= zeroShare * perUnit).length / units;
}
