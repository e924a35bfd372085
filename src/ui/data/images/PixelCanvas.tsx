import { useEffect, useRef } from 'react';

/** Draws h×w×c pixels (Uint8 0–255, or floats 0–1) scaled up without smoothing. */
export function PixelCanvas(props: {
  pixels: Uint8Array | Float32Array;
  height: number;
  width: number;
  channels: number;
  label: string;
  size?: number;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const { pixels, height, width, channels } = props;
  useEffect(() => {
    const g = ref.current?.getContext('2d');
    if (!g) return;
    const img = g.createImageData(width, height);
    const scale = pixels instanceof Float32Array ? 255 : 1;
    for (let p = 0; p < width * height; p++) {
      for (let k = 0; k < 3; k++) {
        img.data[p * 4 + k] = (pixels[p * channels + (channels === 1 ? 0 : k)] ?? 0) * scale;
      }
      img.data[p * 4 + 3] = 255;
    }
    g.putImageData(img, 0, 0);
  }, [pixels, height, width, channels]);
  const size = props.size ?? 40;
  return (
    <canvas
      ref={ref}
      width={width}
      height={height}
      role="img"
      aria-label={props.label}
      style={{ width: size, height: size, imageRendering: 'pixelated' }}
    />
  );
}
