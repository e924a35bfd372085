/**
 * A ridge plot of one layer's histograms over epochs (TensorBoard's "offset" view): one
 * row per epoch, later epochs lower, all rows on the same value axis.
 */
import type { Histogram } from '../../core/train/layerStats/types';

const WIDTH = 320;
const ROW = 14;
const PEAK = 26;

export interface RidgeRow {
  epoch: number;
  histogram: Histogram;
}

function rowPath(h: Histogram, x: (v: number) => number, base: number): string {
  const top = Math.max(1, ...h.counts);
  const w = (h.right - h.left) / Math.max(1, h.counts.length);
  const points = h.counts.map((c, i) => `${x(h.left + (i + 0.5) * w)},${base - (c / top) * PEAK}`);
  return `M${x(h.left)},${base} L${points.join(' L')} L${x(h.right)},${base} Z`;
}

/** The rows of `rows` as an svg labelled `label`; each row is `data-testid="ridge-row"`. */
export function RidgePlot({ label, rows }: { label: string; rows: readonly RidgeRow[] }) {
  const filled = rows.filter((r) => r.histogram.counts.length > 0);
  const lo = Math.min(...filled.map((r) => r.histogram.left));
  const hi = Math.max(...filled.map((r) => r.histogram.right));
  const span = hi > lo ? hi - lo : 1;
  const x = (v: number) => 30 + ((v - lo) / span) * (WIDTH - 40);
  const height = PEAK + rows.length * ROW + 16;
  return (
    <svg
      role="img"
      aria-label={label}
      className="ridge-plot"
      width={WIDTH}
      height={height}
      viewBox={`0 0 ${WIDTH} ${height}`}
    >
      {rows.map((r, i) => {
        const base = PEAK + i * ROW + 2;
        return (
          <g key={r.epoch} data-testid="ridge-row" data-epoch={r.epoch}>
            <text x={0} y={base} fontSize={9} fill="currentColor">
              {r.epoch}
            </text>
            {r.histogram.counts.length > 0 && (
              <path
                d={rowPath(r.histogram, x, base)}
                fill="var(--ridge-fill, rgba(70,130,180,0.35))"
                stroke="currentColor"
                strokeWidth={0.6}
              />
            )}
          </g>
        );
      })}
      {filled.length > 0 && (
        <g fontSize={9} fill="currentColor">
          <text x={30} y={height - 2}>
            {Number(lo.toPrecision(3))}
          </text>
          <text x={WIDTH - 10} y={height - 2} textAnchor="end">
            {Number(hi.toPrecision(3))}
          </text>
        </g>
      )}
    </svg>
  );
}
