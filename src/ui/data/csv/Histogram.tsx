/** A tiny inline bar histogram of a column (numeric bins or top category counts). */
export function Histogram({ bins, label }: { bins: number[]; label: string }) {
  const max = Math.max(1, ...bins);
  const w = 4;
  return (
    <svg
      className="csv-histogram"
      width={Math.max(1, bins.length) * w}
      height={16}
      role="img"
      aria-label={label}
    >
      {bins.map((b, i) => (
        <rect key={i} x={i * w} y={16 - (b / max) * 16} width={w - 1} height={(b / max) * 16} />
      ))}
    </svg>
  );
}
