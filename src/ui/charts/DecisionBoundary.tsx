import { useEffect, useRef } from 'react';
import { useAppStore } from '../../state/store';

const SIZE = 240;
// Class 0 orange, class 1 blue, as in TensorFlow Playground.
const C0: [number, number, number] = [245, 147, 34];
const C1: [number, number, number] = [8, 119, 189];

function mix(p: number): [number, number, number] {
  const t = Math.min(1, Math.max(0, p));
  return [C0[0] + (C1[0] - C0[0]) * t, C0[1] + (C1[1] - C0[1]) * t, C0[2] + (C1[2] - C0[2]) * t];
}

/** The model's decision boundary over the 2-D plane, with the data points on top. */
export function DecisionBoundary() {
  const grid = useAppStore((s) => s.run?.boundary ?? null);
  const points = useAppStore((s) => s.dataset?.points);
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    ctx.clearRect(0, 0, SIZE, SIZE);
    let xMin = -1.2;
    let xMax = 1.2;
    let yMin = -1.2;
    let yMax = 1.2;
    if (grid) {
      ({ xMin, xMax, yMin, yMax } = grid);
      const cell = SIZE / grid.size;
      for (let r = 0; r < grid.size; r++) {
        for (let c = 0; c < grid.size; c++) {
          const v = grid.values[r * grid.size + c] ?? 0.5;
          const [R, G, B] = mix(v);
          ctx.fillStyle = `rgba(${R | 0},${G | 0},${B | 0},0.35)`;
          // Row 0 is yMin: draw it at the bottom.
          ctx.fillRect(c * cell, SIZE - (r + 1) * cell, cell + 0.5, cell + 0.5);
        }
      }
    }
    if (points) {
      for (let i = 0; i < points.x.length; i++) {
        const px = ((points.x[i]! - xMin) / (xMax - xMin)) * SIZE;
        const py = SIZE - ((points.y[i]! - yMin) / (yMax - yMin)) * SIZE;
        const [R, G, B] = points.label[i] === 1 ? C1 : C0;
        ctx.fillStyle = `rgb(${R},${G},${B})`;
        ctx.strokeStyle = 'white';
        ctx.beginPath();
        ctx.arc(px, py, 3, 0, Math.PI * 2);
        ctx.fill();
        ctx.stroke();
      }
    }
  }, [grid, points]);
  return (
    <figure className="chart boundary">
      <figcaption>Decision boundary{grid ? '' : ' (appears when training starts)'}</figcaption>
      <canvas
        ref={ref}
        width={SIZE}
        height={SIZE}
        role="img"
        data-testid="decision-boundary"
        data-has-grid={grid ? 'true' : 'false'}
        aria-label="Data points coloured by class over the model's predicted class regions"
      />
    </figure>
  );
}
