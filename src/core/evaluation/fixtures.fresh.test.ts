/**
 * The committed sklearn fixture is what tests/python/metric_fixtures.py writes today:
 * re-runs it with Debian's /usr/bin/python3 (python3-sklearn, python3-numpy) and
 * compares the values. Fails, never skips, when Python or sklearn is missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { FIXTURE_SCRIPT, readFixtures } from './fixtures/readFixtures';

const PYTHON = '/usr/bin/python3';
const dir = mkdtempSync(join(tmpdir(), 'metric-fixtures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('regenerates fixtures/metrics.json from the Python script unchanged', () => {
  const check = spawnSync(PYTHON, ['-c', 'import sklearn, numpy'], { encoding: 'utf8' });
  expect(
    check.status,
    `${PYTHON} with scikit-learn and numpy is needed (${check.error?.message ?? check.stderr.trim()}): ` +
      'run scripts/test-all.sh, which installs python3-sklearn',
  ).toBe(0);
  const out = join(dir, 'metrics.json');
  const run = spawnSync(PYTHON, [FIXTURE_SCRIPT, out], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  // Compared as values: the committed copy is formatted by Prettier.
  expect(readFixtures(out)).toEqual(readFixtures());
});
