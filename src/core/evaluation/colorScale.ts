/**
 * The confusion matrix's sequential colour scale, for the light and the dark theme, with
 * a text colour per cell that keeps WCAG 2.x contrast ≥ 4.5:1 (AA for normal text).
 */

/** The UI theme a colour is for. */
export type Theme = 'light' | 'dark';

/** A cell's colours as #rrggbb. */
export interface CellColors {
  background: string;
  text: string;
}

// Light: ColorBrewer "Blues" (9 classes), white → navy. Dark: the same hue run from
// near the dark panel (#171d24) up to a pale blue, so 0 recedes and 1 stands out in both.
// In each, every channel moves one way along the stops, so even after rounding to 8 bits
// the luminance never turns back: the scale reads as "more" in one direction.
const STOPS: Record<Theme, readonly string[]> = {
  light: [
    '#f7fbff',
    '#deebf7',
    '#c6dbef',
    '#9ecae1',
    '#6baed6',
    '#4292c6',
    '#2171b5',
    '#08519c',
    '#08306b',
  ],
  dark: [
    '#1a2330',
    '#1a3050',
    '#1a3f6e',
    '#1a5190',
    '#1f67b3',
    '#3d82d0',
    '#68a3e6',
    '#9cc6f5',
    '#d2e6ff',
  ],
};

// Pure black and white: for any background, the better of the two has contrast at least
// 4.58 (the worst case is luminance √(1.05 · 0.05) − 0.05 ≈ 0.179, where both tie).
// The themes' own text colours (#1b1f24, #e6edf3) fall to about 3.7 there.
const DARK_TEXT = '#000000';
const LIGHT_TEXT = '#ffffff';

/** sRGB channel (0..255) to linear light, as WCAG 2.x defines it. */
function toLinear(channel: number): number {
  const c = channel / 255;
  // WCAG 2.0 wrote 0.03928, sRGB says 0.04045; no 8-bit value lies between them.
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function fromLinear(linear: number): number {
  const c = linear <= 0.0031308 ? linear * 12.92 : 1.055 * linear ** (1 / 2.4) - 0.055;
  return Math.round(Math.min(Math.max(c, 0), 1) * 255);
}

function parseHex(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new RangeError(`Not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

function toHex(rgb: readonly number[]): string {
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG 2.x relative luminance of a #rrggbb colour, 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map(toLinear) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.x contrast ratio of two #rrggbb colours, 1 to 21, in either order. */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * The scale's colour for a value in 0..1 (clamped; NaN counts as 0), interpolated
 * between the stops in linear light, so luminance changes steadily along the scale.
 */
export function sequentialColor(value: number, theme: Theme): string {
  const stops = STOPS[theme];
  const t = Number.isNaN(value) ? 0 : Math.min(Math.max(value, 0), 1);
  const x = t * (stops.length - 1);
  const i = Math.min(Math.floor(x), stops.length - 2);
  const f = x - i;
  const lo = parseHex(stops[i]!).map(toLinear);
  const hi = parseHex(stops[i + 1]!).map(toLinear);
  return toHex(lo.map((l, k) => fromLinear(l + (hi[k]! - l) * f)));
}

/** A confusion-matrix cell's background for a value in 0..1 and its readable text colour. */
export function confusionCellColors(value: number, theme: Theme): CellColors {
  const background = sequentialColor(value, theme);
  const text =
    contrastRatio(background, DARK_TEXT) >= contrastRatio(background, LIGHT_TEXT)
      ? DARK_TEXT
      : LIGHT_TEXT;
  return { background, text };
}
