import { describe, expect, it } from 'vitest';
import { LAYERS } from '../layers/registry';
import { searchSpecProblem } from './space';

const real = (min: number, max: number) => ({ kind: 'real' as const, bounds: { min, max } });

describe('search metadata', () => {
  it('fits every layer parameter that has it', () => {
    const searched = LAYERS.flatMap((layer) =>
      layer.params.filter((p) => p.search).map((p) => ({ layer: layer.type, p })),
    );
    expect(searched.map((s) => `${s.layer}.${s.p.name}`)).toEqual(
      expect.arrayContaining(['Dense.units', 'Dropout.rate']),
    );
    for (const { p } of searched) {
      const value =
        p.kind === 'enum'
          ? { kind: 'choice' as const, options: p.options }
          : p.kind === 'int' || p.kind === 'float'
            ? { kind: p.kind === 'int' ? ('int' as const) : ('real' as const), bounds: p }
            : null;
      expect(value).not.toBeNull();
      expect(searchSpecProblem(p.search!, value!)).toBeNull();
    }
  });

  it('says what does not fit', () => {
    const lr = { kind: 'real', scale: 'log', defaultRange: [0, 0.1] } as const;
    expect(searchSpecProblem(lr, real(0, 10))).toMatch(/log scale/);
    expect(searchSpecProblem({ ...lr, defaultRange: [1e-4, 20] }, real(0, 10))).toMatch(/leaves/);
    expect(searchSpecProblem({ ...lr, defaultRange: [0.1, 0.01] }, real(0, 10))).toMatch(/empty/);
    const units = { kind: 'int', scale: 'log', defaultRange: [8.5, 64] } as const;
    expect(searchSpecProblem(units, { kind: 'int', bounds: { min: 1, max: 100 } })).toMatch(
      /fractional/,
    );
    expect(searchSpecProblem(units, real(1, 100))).toMatch(/searched as int/);
    const opt = { kind: 'choice', scale: 'linear', defaultRange: ['adam', 'nadam'] } as const;
    expect(searchSpecProblem(opt, { kind: 'choice', options: ['adam'] })).toMatch(/"nadam"/);
    expect(searchSpecProblem(opt, real(0, 1))).toMatch(/choice/);
  });
});
