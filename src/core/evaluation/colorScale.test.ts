import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  confusionCellColors,
  contrastRatio,
  relativeLuminance,
  sequentialColor,
  type Theme,
} from './colorScale';

const THEMES: Theme[] = ['light', 'dark'];
// The panels the matrix is drawn on (src/ui/app.css).
const PANEL: Record<Theme, string> = { light: '#ffffff', dark: '#171d24' };

describe('WCAG contrast', () => {
  it('matches the WCAG 2.x definition on known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // WebAIM's checker: #767676 on white is 4.54:1, the lightest grey that passes AA.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#ffffff', '#777777')).toBeLessThan(4.5);
    expect(relativeLuminance('#ff0000')).toBeCloseTo(0.2126, 10);
    expect(() => relativeLuminance('red')).toThrow(/rrggbb/);
  });

  it('is symmetric', () => {
    const hex = fc
      .tuple(fc.nat(255), fc.nat(255), fc.nat(255))
      .map((c) => `#${c.map((x) => x.toString(16).padStart(2, '0')).join('')}`);
    fc.assert(
      fc.property(hex, hex, (a, b) => {
        const r = contrastRatio(a, b);
        expect(r).toBe(contrastRatio(b, a));
        expect(r).toBeGreaterThanOrEqual(1);
        expect(r).toBeLessThanOrEqual(21 + 1e-9);
      }),
    );
  });
});

describe('confusion matrix colour scale', () => {
  it.each(THEMES)('keeps text contrast at least 4.5:1 for every shade (%s)', (theme) => {
    for (let i = 0; i <= 10_000; i++) {
      const { background, text } = confusionCellColors(i / 10_000, theme);
      expect(contrastRatio(background, text), `value ${i / 10_000}`).toBeGreaterThanOrEqual(4.5);
    }
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (v) => {
        const { background, text } = confusionCellColors(v, theme);
        expect(contrastRatio(background, text)).toBeGreaterThanOrEqual(4.5);
      }),
    );
  });

  it.each(THEMES)('is sequential: luminance moves one way from 0 to 1 (%s)', (theme) => {
    const lum = Array.from({ length: 1001 }, (_, i) =>
      relativeLuminance(sequentialColor(i / 1000, theme)),
    );
    // Light: 1 is darkest; dark: 1 is brightest. 8-bit rounding may repeat a shade.
    const sign = theme === 'light' ? -1 : 1;
    for (let i = 1; i < lum.length; i++)
      expect(sign * (lum[i]! - lum[i - 1]!)).toBeGreaterThanOrEqual(0);
    expect(sign * (lum[1000]! - lum[0]!)).toBeGreaterThan(0.4);
  });

  it.each(THEMES)('keeps an empty cell close to the panel and a full one apart (%s)', (theme) => {
    expect(contrastRatio(sequentialColor(0, theme), PANEL[theme])).toBeLessThan(1.2);
    expect(contrastRatio(sequentialColor(1, theme), PANEL[theme])).toBeGreaterThan(7);
  });

  it('clamps values outside 0..1 and treats NaN as 0', () => {
    expect(sequentialColor(-3, 'light')).toBe(sequentialColor(0, 'light'));
    expect(sequentialColor(7, 'dark')).toBe(sequentialColor(1, 'dark'));
    expect(sequentialColor(NaN, 'light')).toBe(sequentialColor(0, 'light'));
    expect(sequentialColor(0, 'light')).toBe('#f7fbff');
    expect(sequentialColor(1, 'light')).toBe('#08306b');
  });
});
