/** A number for a finding's sentence: three significant digits, or NaN/Infinity as such. */
export const fmt = (x: number): string =>
  Number.isFinite(x) ? Number(x.toPrecision(3)).toString() : String(x);

/** A fraction as a percentage, e.g. 0.02 → "2%". */
export const pct = (x: number): string => `${Number((x * 100).toPrecision(3))}%`;
