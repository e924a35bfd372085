import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { drawingCanvasSize } from './tryModelRef';
import { RangeField } from '../../forms/RangeField';

/**
 * A canvas to draw on with a mouse, finger or pen (pointer events), in the colours the
 * dataset's images have: light strokes on a dark ground, or dark on light. `onDraw` is
 * called with the canvas after every change (a stroke segment, Clear).
 */
export function DrawingPad({
  imageWidth,
  imageHeight,
  dark,
  onDraw,
}: {
  imageWidth: number;
  imageHeight: number;
  dark: boolean;
  onDraw: (canvas: HTMLCanvasElement) => void;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const size = drawingCanvasSize(imageWidth, imageHeight);
  // About a twelfth of the canvas: strokes survive downsampling to the image size.
  const [brush, setBrush] = useState(Math.round(Math.min(size.width, size.height) / 12));
  const ink = dark ? '#fff' : '#000';
  const ground = dark ? '#000' : '#fff';

  const clear = () => {
    const g = ref.current?.getContext('2d');
    if (!g) return;
    g.fillStyle = ground;
    g.fillRect(0, 0, g.canvas.width, g.canvas.height);
  };
  useEffect(() => {
    const g = ref.current?.getContext('2d');
    if (!g) return;
    g.fillStyle = ground;
    g.fillRect(0, 0, g.canvas.width, g.canvas.height);
  }, [ground, size.width, size.height]);

  const point = (e: PointerEvent<HTMLCanvasElement> | globalThis.PointerEvent) => {
    const rect = ref.current!.getBoundingClientRect();
    return {
      x: ((e.clientX - rect.left) * size.width) / rect.width,
      y: ((e.clientY - rect.top) * size.height) / rect.height,
    };
  };
  const strokeTo = (to: { x: number; y: number }) => {
    const g = ref.current?.getContext('2d');
    const from = last.current ?? to;
    if (!g) return;
    g.strokeStyle = ink;
    g.fillStyle = ink;
    g.lineWidth = brush;
    g.lineCap = 'round';
    g.lineJoin = 'round';
    g.beginPath();
    g.moveTo(from.x, from.y);
    g.lineTo(to.x, to.y);
    g.stroke();
    last.current = to;
  };
  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    last.current = null;
    strokeTo(point(e));
    onDraw(e.currentTarget);
  };
  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    if (last.current === null) return;
    // Coalesced events keep a fast stroke smooth where the browser batched its points.
    const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
    for (const ev of events.length > 0 ? events : [e.nativeEvent]) strokeTo(point(ev));
    onDraw(e.currentTarget);
  };
  const end = () => {
    last.current = null;
  };

  return (
    <div className="drawing-pad">
      <canvas
        ref={ref}
        width={size.width}
        height={size.height}
        role="img"
        aria-label="Draw here"
        className="drawing-canvas"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={end}
        onPointerCancel={end}
      />
      <div className="drawing-tools">
        <button
          type="button"
          onClick={() => {
            clear();
            if (ref.current) onDraw(ref.current);
          }}
        >
          Clear
        </button>
        <RangeField
          label="Brush size"
          inline
          value={brush}
          min={4}
          max={Math.round(Math.min(size.width, size.height) / 4)}
          onChange={setBrush}
        />
      </div>
    </div>
  );
}
