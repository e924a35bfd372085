import { useMemo, useState } from 'react';
import { useAppStore } from '../../../state/store';
import { augmentImage, isAugmenting } from '../../../core/data/images/augment';
import type { AugmentationSpec } from '../../../core/data/images/types';
import { makeRng } from '../../../core/train/random';
import { PixelCanvas } from './PixelCanvas';

const PREVIEW_COUNT = 8;
const MAX_SKIPPED_SHOWN = 8;

/** Samples per class, the skipped-file report, and a live preview of augmented samples. */
export function ImageGallery({ augmentation }: { augmentation: AugmentationSpec }) {
  const dataset = useAppStore((s) => s.dataset);
  const [previewSeed, setPreviewSeed] = useState(1);
  const info = dataset?.imageInfo;
  const shape = info ? { height: info.height, width: info.width, channels: info.channels } : null;
  const preview = useMemo(() => {
    if (!info || !shape || info.samples.length === 0 || !isAugmenting(augmentation)) return [];
    const rng = makeRng(previewSeed);
    return Array.from({ length: PREVIEW_COUNT }, (_, i) => {
      const sample = info.samples[i % info.samples.length]!;
      const img = Float32Array.from(sample.pixels, (v) => v / 255);
      return augmentImage(img, shape, augmentation, rng);
    });
    // shape is derived from info.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [info, augmentation, previewSeed]);
  if (!dataset || !info || !shape) return null;
  return (
    <div className="image-gallery">
      <p className="muted" data-testid="image-size-note">
        Size: {info.sizeNote}
        {info.predefinedSplit ? '; train/ and test/ folders found' : ''}
        {info.ignored > 0 ? `; ${info.ignored} system or hidden files ignored` : ''}
      </p>
      {info.skipped.length > 0 && (
        <div role="alert" className="warning" data-testid="image-skipped">
          <p>
            {info.skipped.length} file{info.skipped.length === 1 ? ' was' : 's were'} skipped:
          </p>
          <ul>
            {info.skipped.slice(0, MAX_SKIPPED_SHOWN).map((s) => (
              <li key={s.path}>
                {s.path} {s.reason}
              </li>
            ))}
          </ul>
          {info.skipped.length > MAX_SKIPPED_SHOWN && (
            <p>…and {info.skipped.length - MAX_SKIPPED_SHOWN} more.</p>
          )}
        </div>
      )}
      <figure className="samples">
        <figcaption>Samples per class</figcaption>
        {dataset.classNames.map((name, k) => (
          <div className="sample-row" key={name} data-testid="image-class-row">
            <span className="class-name">
              {name} ({dataset.classCounts[k] ?? 0})
            </span>
            {info.samples
              .filter((s) => s.classIndex === k)
              .map((s, i) => (
                <PixelCanvas
                  key={i}
                  pixels={s.pixels}
                  {...shape}
                  label={`${name} sample ${i + 1}`}
                />
              ))}
          </div>
        ))}
      </figure>
      {preview.length > 0 && (
        <figure className="augment-preview" data-testid="augment-preview">
          <figcaption>Augmented samples (preview)</figcaption>
          {preview.map((img, i) => (
            <PixelCanvas key={i} pixels={img} {...shape} label={`Augmented sample ${i + 1}`} />
          ))}
          <button type="button" onClick={() => setPreviewSeed((s) => s + 1)}>
            New preview
          </button>
        </figure>
      )}
    </div>
  );
}
