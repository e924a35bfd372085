/** How sliders show their value (RangeField's `format`). */

/** A fraction or threshold between 0 and 1: two decimals. */
export const twoDecimals = (value: number): string => value.toFixed(2);
