/**
 * An image with its saliency map on demand: a "Saliency" button over the thumbnail; when
 * on, the worker's heat map of the chosen class's logit gradient is drawn over the image
 * (data-testid="saliency"), with the method and the class to explain beside it.
 */
import { useEffect, useRef, useState } from 'react';
import type { Pixels } from '../../../core/data/images/pixels';
import { SALIENCY_METHODS, type SaliencyMethod } from '../../../core/predict/saliency/saliency';
import type { TryModelRef } from '../../../worker/evaluation/messages';
import { ImageThumbnail, thumbnailScale } from '../examples/ImageThumbnail';
import type { TryAvailability } from '../try/tryModelRef';
import { heatToRgba } from './heatColors';
import { requestSaliency, type SaliencyAnswer } from './saliencyRequests';
import './saliency.css';

type Shown =
  | { status: 'loading' }
  | { status: 'ready'; width: number; height: number; map: Float32Array }
  | { status: 'failed'; message: string };

const shownOf = (a: SaliencyAnswer): Shown =>
  a.ok
    ? { status: 'ready', width: a.width, height: a.height, map: a.map }
    : { status: 'failed', message: a.message };

/**
 * Asks for the map whenever its inputs change while shown (`ref` null: not shown); a
 * stale answer is dropped. Keyed on the pixel buffer, not the Pixels object, which the
 * cards rebuild on every render.
 */
function useSaliency(
  ref: TryModelRef | null,
  image: Pixels,
  classIndex: number,
  method: SaliencyMethod,
): Shown | null {
  const [shown, setShown] = useState<Shown | null>(null);
  const { width, height, channels, pixels } = image;
  useEffect(() => {
    if (!ref) {
      setShown(null);
      return;
    }
    let current = true;
    setShown({ status: 'loading' });
    const asked = { width, height, channels, pixels };
    void requestSaliency(ref, asked, classIndex, method).then((answer) => {
      if (current) setShown(shownOf(answer));
    });
    return () => {
      current = false;
    };
  }, [ref, width, height, channels, pixels, classIndex, method]);
  return shown;
}

function HeatMap({
  map,
  width,
  height,
  scale,
  label,
}: {
  map: Float32Array;
  width: number;
  height: number;
  scale: number;
  label: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    ref.current
      ?.getContext('2d')
      ?.putImageData(new ImageData(heatToRgba(map), width, height), 0, 0);
  }, [map, width, height]);
  return (
    <canvas
      ref={ref}
      className="saliency-map"
      data-testid="saliency"
      width={width}
      height={height}
      role="img"
      aria-label={label}
      style={{ width: width * scale, height: height * scale }}
    />
  );
}

export function SaliencyImage({
  image,
  label,
  availability,
  classNames,
  defaultClass,
}: {
  image: Pixels;
  label: string;
  /** The run's model, or why saliency cannot be computed. */
  availability: TryAvailability;
  classNames: string[];
  /** The class explained at first: the predicted one. */
  defaultClass: number;
}) {
  const [on, setOn] = useState(false);
  const [method, setMethod] = useState<SaliencyMethod>('vanilla');
  const [picked, setPicked] = useState<number | null>(null);
  const classIndex = picked ?? defaultClass;
  const ref = availability.ok ? availability.ref : null;
  const shown = useSaliency(on ? ref : null, image, classIndex, method);
  const className = classNames[classIndex] ?? String(classIndex);
  const methodLabel = SALIENCY_METHODS.find((m) => m.method === method)?.label ?? method;
  return (
    <div className="saliency-image">
      <div className="saliency-frame">
        <ImageThumbnail image={image} label={label} />
        {on && shown?.status === 'ready' && (
          <HeatMap
            map={shown.map}
            width={shown.width}
            height={shown.height}
            scale={thumbnailScale(image)}
            label={`Saliency map (${methodLabel}) for ${className}`}
          />
        )}
      </div>
      <div className="saliency-controls">
        <button
          type="button"
          aria-pressed={on}
          disabled={!ref}
          title={
            availability.ok
              ? 'Where the gradient of the class score is largest'
              : availability.reason
          }
          onClick={() => setOn(!on)}
        >
          Saliency
        </button>
        {on && (
          <select
            aria-label="Saliency method"
            value={method}
            onChange={(e) => setMethod(e.target.value as SaliencyMethod)}
          >
            {SALIENCY_METHODS.map((m) => (
              <option key={m.method} value={m.method}>
                {m.label}
              </option>
            ))}
          </select>
        )}
        {on && classNames.length > 1 && (
          <select
            aria-label="Saliency class"
            value={classIndex}
            onChange={(e) => setPicked(Number(e.target.value))}
          >
            {classNames.map((name, k) => (
              <option key={name} value={k}>
                {name}
              </option>
            ))}
          </select>
        )}
      </div>
      {on && shown?.status === 'loading' && (
        <span className="help">Computing the saliency map…</span>
      )}
      {on && shown?.status === 'ready' && !shown.map.some((v) => v > 0) && (
        <span className="help">
          The gradient is zero at every pixel: nothing in this image moves the score of {className}{' '}
          (e.g. every ReLU unit on its way is inactive).
        </span>
      )}
      {on && shown?.status === 'failed' && (
        <p role="alert" className="error">
          No saliency map: {shown.message}
        </p>
      )}
    </div>
  );
}
