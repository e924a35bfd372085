/**
 * The 2-D point sets of the TensorFlow Playground (circles, xor, gaussians, spiral),
 * generated from a seed. Points are made in the Playground's [-5, 5] world and scaled
 * by 1/5, so features sit roughly in [-1, 1] and a small MLP learns them in seconds.
 */
import { deriveSeed, makeRng, normal, uniform, type Rng } from '../train/random';
import type { Dataset } from './types';

const WORLD = 5;
// Separates the synthetic stream from the split and batch streams of the same seed.
const SYNTHETIC_SALT = 2;
export const MAX_SYNTHETIC_SIZE = 100_000;

/**
 * The seed the app generates synthetic sets with. They do not depend on the run seed:
 * changing the seed re-splits and re-initialises, but the points on screen stay the same.
 */
export const SYNTHETIC_DATA_SEED = 1;

type Point = [x: number, y: number, label: 0 | 1];
type Generator = (n: number, noise: number, rng: Rng) => Point[];

/**
 * A seeded 2-D binary classification set of `size` points; `noise` in [0, 1] (the
 * Playground's 0–100 %, where 0.1–0.5 is the useful range).
 */
export function makeSynthetic(id: SyntheticId, size: number, noise: number, seed: number): Dataset {
  if (!Number.isInteger(size) || size < 4 || size > MAX_SYNTHETIC_SIZE) {
    throw new RangeError(`Dataset size must be a whole number from 4 to ${MAX_SYNTHETIC_SIZE}.`);
  }
  if (!Number.isFinite(noise) || noise < 0 || noise > 1) {
    throw new RangeError('Noise must be between 0 and 1.');
  }
  const rng = makeRng(deriveSeed(seed, SYNTHETIC_SALT));
  if (!Object.hasOwn(SYNTHETIC_SETS, id))
    throw new Error(`Unknown synthetic dataset ${String(id)}`);
  const set = SYNTHETIC_SETS[id];
  const points = set.generate(size, noise, rng);
  const x = new Float32Array(size * 2);
  const y = new Float32Array(size);
  points.forEach(([px, py, label], i) => {
    x[2 * i] = px / WORLD;
    x[2 * i + 1] = py / WORLD;
    y[i] = label;
  });
  return {
    name: set.label,
    kind: 'points2d',
    task: 'binary',
    featureShape: [2],
    x,
    xScale: 1,
    y,
    n: size,
    classNames: ['0', '1'],
    featureNames: ['x1', 'x2'],
  };
}

/** Inner disc (class 1) inside a ring (class 0); noise jitters the points. */
const circles: Generator = (n, noise, rng) => {
  const points: Point[] = [];
  const jitter = () => uniform(rng, -WORLD, WORLD) * noise;
  for (let i = 0; i < n; i++) {
    const inner = i < Math.floor(n / 2);
    const r = inner ? uniform(rng, 0, WORLD * 0.5) : uniform(rng, WORLD * 0.7, WORLD);
    const angle = uniform(rng, 0, 2 * Math.PI);
    points.push([r * Math.sin(angle) + jitter(), r * Math.cos(angle) + jitter(), inner ? 1 : 0]);
  }
  return points;
};

/** Class 1 where x and y share a sign; a 0.3 gap keeps the quadrants apart without noise. */
const xor: Generator = (n, noise, rng) => {
  const padding = 0.3;
  const points: Point[] = [];
  for (let i = 0; i < n; i++) {
    let px = uniform(rng, -WORLD, WORLD);
    px += px > 0 ? padding : -padding;
    let py = uniform(rng, -WORLD, WORLD);
    py += py > 0 ? padding : -padding;
    const label = px * py >= 0 ? 1 : 0;
    px += uniform(rng, -WORLD, WORLD) * noise;
    py += uniform(rng, -WORLD, WORLD) * noise;
    points.push([px, py, label]);
  }
  return points;
};

/** Two round blobs at (2, 2) and (-2, -2); noise widens them until they overlap. */
const gaussians: Generator = (n, noise, rng) => {
  const variance = 0.5 + 3.5 * Math.min(noise / 0.5, 1);
  const sd = Math.sqrt(variance);
  const points: Point[] = [];
  for (let i = 0; i < n; i++) {
    const label = i < Math.floor(n / 2) ? 1 : 0;
    const c = label === 1 ? 2 : -2;
    points.push([c + normal(rng) * sd, c + normal(rng) * sd, label]);
  }
  return points;
};

/** Two interleaved arms, each 1.75 turns; the arms differ by half a turn. */
const spiral: Generator = (n, noise, rng) => {
  const points: Point[] = [];
  const half = Math.floor(n / 2);
  const arm = (count: number, deltaT: number, label: 0 | 1) => {
    for (let i = 0; i < count; i++) {
      const r = (i / count) * WORLD;
      const t = ((1.75 * i) / count) * 2 * Math.PI + deltaT;
      points.push([
        r * Math.sin(t) + uniform(rng, -1, 1) * noise * WORLD * 0.2,
        r * Math.cos(t) + uniform(rng, -1, 1) * noise * WORLD * 0.2,
        label,
      ]);
    }
  };
  arm(half, 0, 1);
  arm(n - half, Math.PI, 0);
  return points;
};

/**
 * The synthetic sets, in the order the dataset select lists them: the id type, the
 * project schema's enum and the select's options all come from here.
 */
export const SYNTHETIC_SETS = {
  circles: { label: 'Circles', generate: circles },
  xor: { label: 'XOR', generate: xor },
  gaussians: { label: 'Two Gaussians', generate: gaussians },
  spiral: { label: 'Spiral', generate: spiral },
} as const satisfies Record<string, { label: string; generate: Generator }>;

export type SyntheticId = keyof typeof SYNTHETIC_SETS;

export const SYNTHETIC_IDS = Object.keys(SYNTHETIC_SETS) as [SyntheticId, ...SyntheticId[]];
