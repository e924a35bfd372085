/** A tiny line of a series (e.g. validation loss per epoch), scaled to its own range. */
export function Sparkline({
  values,
  label,
  width = 80,
  height = 22,
}: {
  values: readonly number[];
  label: string;
  width?: number;
  height?: number;
}) {
  const finite = values.filter(Number.isFinite);
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const span = max - min || 1;
  const step = values.length > 1 ? (width - 2) / (values.length - 1) : 0;
  const points = values
    .map((v, i) =>
      Number.isFinite(v)
        ? `${(1 + i * step).toFixed(1)},${(1 + (height - 2) * (1 - (v - min) / span)).toFixed(1)}`
        : null,
    )
    .filter((p): p is string => p !== null)
    .join(' ');
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      role="img"
      aria-label={label}
      data-testid="run-sparkline"
      data-points={finite.length}
    >
      {finite.length > 0 && (
        <polyline points={points} fill="none" stroke="currentColor" strokeWidth={1.5} />
      )}
    </svg>
  );
}
