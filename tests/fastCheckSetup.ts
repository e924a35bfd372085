/**
 * Property tests draw from one seed per test run, so CI is repeatable: a failure on main
 * fails the same way for whoever looks at it. Set FC_SEED to explore other draws
 * locally (e.g. FC_SEED=$RANDOM npm run test:unit); a failure prints its seed and path.
 */
import fc from 'fast-check';

const seed = Number(process.env.FC_SEED ?? 20261201);
fc.configureGlobal({ seed: Number.isFinite(seed) ? seed : 20261201 });
