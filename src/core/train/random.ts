/**
 * Seeded randomness for core. Everything random in a run (splits, batch order, synthetic
 * data, dropout masks) derives from the run seed, so the same seed gives the same run.
 */

/** A generator of uniform floats in [0, 1). */
export type Rng = () => number;

/** mulberry32: tiny, fast and good enough for shuffles and synthetic data (not crypto). */
export function makeRng(seed: number): Rng {
  let state = hashSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Mixes a seed into a 32-bit state, so that neighbouring seeds (42, 43) and non-integer
 * seeds give unrelated streams rather than shifted copies of one another.
 */
function hashSeed(seed: number): number {
  let h = Math.floor(seed * 1000003) ^ 0x9e3779b9;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** Derives an independent sub-seed, e.g. one per epoch or per purpose. */
export function deriveSeed(seed: number, salt: number): number {
  return hashSeed(hashSeed(seed) + Math.imul(salt + 1, 0x27d4eb2d)) >>> 0;
}

/** Fisher–Yates shuffle in place; returns the same array. */
export function shuffleInPlace<T extends { length: number; [i: number]: unknown }>(
  arr: T,
  rng: Rng,
): T {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = arr[i];
    arr[i] = arr[j];
    arr[j] = tmp;
  }
  return arr;
}

/** A standard normal sample (Box–Muller). */
export function normal(rng: Rng): number {
  // 1 - u keeps the argument of log in (0, 1], so log never sees 0.
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A uniform float in [min, max). */
export function uniform(rng: Rng, min: number, max: number): number {
  return min + (max - min) * rng();
}
