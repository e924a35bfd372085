import { describe, expect, it } from 'vitest';
import { explainError } from './explainError';

describe('explainError', () => {
  it('explains allocation failures with what to do', () => {
    const text = explainError(new RangeError('Array buffer allocation failed'));
    expect(text).toContain('ran out of memory');
    expect(text).toContain('Array buffer allocation failed');
    expect(text).toMatch(/smaller batch size/);
    expect(explainError(new Error('WebGL: out of memory'))).toContain('ran out of memory');
  });

  it('passes other errors through unchanged', () => {
    expect(explainError(new Error('Shapes do not match'))).toBe('Shapes do not match');
    expect(explainError('plain text')).toBe('plain text');
  });
});
