import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { StreamHash } from '../../core/runs/fingerprint';
import { csvChoiceFingerprint, hashWhileParsing, rememberCsvFingerprint } from './csvFingerprint';

describe('CSV fingerprint while parsing', () => {
  it('hashes every byte once, whatever progress the parser reports', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 300 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 10 }),
        (bytes, fractions) => {
          const hashing = hashWhileParsing(bytes);
          // Progress is reported in order, sometimes repeated or slightly behind.
          for (const f of fractions) hashing.advance(f);
          return hashing.finish().digest() === new StreamHash().update(bytes).digest();
        },
      ),
    );
  });

  it('gives a choice its upload fingerprint, folding in a separate test file', async () => {
    const enc = (t: string) => new TextEncoder().encode(t);
    const hash = (t: string) => new StreamHash().update(enc(t));
    rememberCsvFingerprint('u-train', 'train.csv', 8, hash('a,b\n1,2\n'));
    rememberCsvFingerprint('u-test', 'test.csv', 8, hash('a,b\n3,4\n'));
    const main = await csvChoiceFingerprint({ uploadId: 'u-train', name: 'train.csv' });
    expect(main).toEqual({
      source: 'csv',
      name: 'train.csv',
      size: 8,
      hash: hash('a,b\n1,2\n').digest(),
    });
    const both = await csvChoiceFingerprint({
      uploadId: 'u-train',
      name: 'train.csv',
      test: { uploadId: 'u-test', name: 'test.csv' },
    });
    expect(both?.name).toBe('train.csv + test.csv');
    expect(both?.size).toBe(16);
    expect(both?.hash).not.toBe(main?.hash);
  });
});
