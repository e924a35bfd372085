import { expect, it } from 'vitest';
import { formatRate } from './format';

it('writes small rates as powers of ten and others with 3 significant digits', () => {
  expect([1e-7, 1e-5, 1e-3, 0.1, 10].map(formatRate)).toEqual([
    '1e-7',
    '1e-5',
    '0.001',
    '0.1',
    '10',
  ]);
  expect(formatRate(0.006309573444801929)).toBe('0.00631');
  expect(formatRate(NaN)).toBe('NaN');
});
