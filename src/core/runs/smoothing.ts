/**
 * Exponential moving average with TensorBoard's de-biasing (tensorboard/plugins/scalar
 * /vz_line_chart2/line-chart.ts `resmoothDataset`): the running average starts at 0 and
 * is divided by 1 − weight^k after k finite points, so early points are not pulled
 * towards 0. Non-finite values pass through unsmoothed and do not advance the average;
 * a constant series is returned unchanged.
 */
export function smoothEma(values: readonly number[], weight: number): number[] {
  if (!(weight >= 0 && weight < 1)) throw new Error('smoothing weight must be in [0, 1)');
  const finiteValues = values.filter(Number.isFinite);
  const constant = finiteValues.every((v) => v === finiteValues[0]);
  if (constant) return [...values];
  let last = 0;
  let count = 0;
  return values.map((v) => {
    if (!Number.isFinite(v)) return v;
    last = last * weight + (1 - weight) * v;
    count += 1;
    const debias = weight === 0 ? 1 : 1 - Math.pow(weight, count);
    return last / debias;
  });
}
