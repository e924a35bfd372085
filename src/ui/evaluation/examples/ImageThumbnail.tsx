import { useEffect, useRef } from 'react';
import { pixelsToRgba, type Pixels } from '../../../core/data/images/pixels';

/** An integer upscale that shows a dataset image at about 112–128 px (4× for 28×28). */
export function thumbnailScale(image: Pick<Pixels, 'width' | 'height'>): number {
  return Math.min(8, Math.max(1, Math.floor(128 / Math.max(image.width, image.height))));
}

/** A dataset image drawn at its own size and upscaled crisply (no smoothing) by CSS. */
export function ImageThumbnail({ image, label }: { image: Pixels; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const g = ref.current?.getContext('2d');
    if (!g) return;
    g.putImageData(new ImageData(pixelsToRgba(image), image.width, image.height), 0, 0);
  }, [image]);
  const scale = thumbnailScale(image);
  return (
    <canvas
      ref={ref}
      className="thumbnail"
      width={image.width}
      height={image.height}
      role="img"
      aria-label={label}
      style={{ width: image.width * scale, height: image.height * scale }}
    />
  );
}
