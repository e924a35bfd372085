import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../../state/store';
import { selectTrainingActive } from '../../../state/trainingSlice';
import { cancelImageLoad, loadImageUpload } from '../../../state/actions';
import type { DatasetChoice } from '../../../core/data/types';
import {
  DEFAULT_DECODE,
  NO_AUGMENTATION,
  type AugmentationSpec,
  type ImageDecodeOptions,
  type ImageScaling,
} from '../../../core/data/images/types';
import { isImagePath } from '../../../core/data/images/walk';
import { formatMB } from '../../../core/data/zip';
import type { ImageUploadSource } from '../../../worker/images/types';
import { dropHasImageUpload, sourceFromDrop, sourceFromFolderInput } from './collectFiles';
import { ImageGallery } from './ImageGallery';
import { AugmentationControls } from './AugmentationControls';
import './images.css';

type ImageChoice = Extract<DatasetChoice, { kind: 'upload'; format: 'images' }>;

const SIZE_OPTIONS = ['auto', '28', '32', '64'] as const;

/** Upload an image folder or zip (one sub-folder per class), with decoding and augmentation options. */
export function ImageUpload() {
  const choice = useAppStore((s) => s.datasetChoice);
  const active = useAppStore(selectTrainingActive);
  const progress = useAppStore((s) => s.imageProgress);
  const loading = useAppStore((s) => s.datasetLoading);
  const loaded = useAppStore((s) => s.dataset);
  const mismatch = useAppStore((s) => s.imageReuploadMismatch);
  const current: ImageChoice | null =
    choice.kind === 'upload' && choice.format === 'images' ? choice : null;
  const [decode, setDecode] = useState<ImageDecodeOptions>(current?.decode ?? DEFAULT_DECODE);
  const [scaling, setScaling] = useState<ImageScaling>(current?.scaling ?? 'unit');
  const [augmentation, setAugmentation] = useState<AugmentationSpec>(
    current?.augmentation ?? NO_AUGMENTATION,
  );
  const [estimate, setEstimate] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [dropError, setDropError] = useState<string | null>(null);

  // The workspace's upload was too large to keep and is not loaded: it is asked for again,
  // and the folder given must have the same fingerprint.
  const askedAgain =
    current?.fingerprint !== undefined && loaded?.fingerprint?.hash !== current.fingerprint.hash;

  const start = (name: string, source: ImageUploadSource) => {
    setDropError(null);
    useAppStore.setState({ imageReuploadMismatch: null });
    setEstimate(memoryEstimate(source, decode));
    loadImageUpload(
      {
        kind: 'upload',
        format: 'images',
        uploadId: crypto.randomUUID(),
        name,
        decode,
        scaling,
        augmentation,
      },
      source,
      askedAgain && current?.fingerprint
        ? { name: current.name, fingerprint: current.fingerprint }
        : undefined,
    );
  };

  /** Re-applies options to the loaded upload (decoded pixels are reused when only scaling/augmentation change). */
  const apply = (next: Partial<Pick<ImageChoice, 'decode' | 'scaling' | 'augmentation'>>) => {
    if (next.decode) setDecode(next.decode);
    if (next.scaling) setScaling(next.scaling);
    if (next.augmentation) setAugmentation(next.augmentation);
    if (current) loadImageUpload({ ...current, ...next }, null);
  };

  const onDrop = async (transfer: DataTransfer) => {
    setDragging(false);
    if (active) return;
    const dropped = await sourceFromDrop(transfer);
    if (!dropped) {
      setDropError('Drop a folder of class sub-folders, or a zip of one.');
      return;
    }
    start(dropped.name, dropped.source);
  };
  // A folder or zip dropped anywhere on the page lands here (other files are left to others).
  const onDropRef = useRef(onDrop);
  onDropRef.current = onDrop;
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer && [...e.dataTransfer.types].includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer || !dropHasImageUpload(e.dataTransfer)) return;
      e.preventDefault();
      void onDropRef.current(e.dataTransfer);
    };
    document.addEventListener('dragover', over);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragover', over);
      document.removeEventListener('drop', drop);
    };
  }, []);

  const sizeValue = decode.size === 'auto' ? 'auto' : String(decode.size.width);
  return (
    <fieldset className="image-upload" disabled={active}>
      <legend>Images</legend>
      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        data-testid="image-drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          // Handled here for anything dropped on the zone, instead of by the page listener.
          e.preventDefault();
          e.stopPropagation();
          void onDrop(e.dataTransfer);
        }}
      >
        <p className="muted">
          One sub-folder per class (cats/, dogs/…); drop a folder or zip here, or:
        </p>
        <label className="field">
          <span>Upload image folder</span>
          <input
            type="file"
            // @ts-expect-error webkitdirectory is non-standard but supported by every engine.
            webkitdirectory=""
            multiple
            onChange={(e) => {
              const files = e.target.files;
              if (files && files.length > 0) {
                const { name, source } = sourceFromFolderInput(files);
                start(name, source);
              }
              e.target.value = '';
            }}
          />
        </label>
        <label className="field">
          <span>Upload zip</span>
          <input
            type="file"
            accept=".zip,application/zip"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) start(file.name, { kind: 'zip', fileName: file.name, file });
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {askedAgain && current?.fingerprint && !loading && !mismatch && (
        <p className="muted" data-testid="image-reupload-hint">
          Upload {current.name} again ({current.fingerprint.files} files): it was too large to keep
          in this browser.
        </p>
      )}
      {mismatch && (
        <div role="alert" className="error" data-testid="image-reupload-mismatch">
          <p>{mismatch.message}</p>
          <button
            type="button"
            onClick={() => {
              useAppStore.setState({ imageReuploadMismatch: null });
              loadImageUpload(mismatch.choice, null);
            }}
          >
            Use it anyway
          </button>
          <button
            type="button"
            onClick={() => useAppStore.setState({ imageReuploadMismatch: null })}
          >
            Keep asking
          </button>
        </div>
      )}
      {dropError && (
        <p role="alert" className="error">
          {dropError}
        </p>
      )}
      {/* How uploads are decoded: folded away until images are loaded, so the facts of the
          loaded dataset are nearer the top of the panel; the summary shows the choices. */}
      <details className="image-options" open={current !== null}>
        <summary>
          Image options{' '}
          <span className="muted" data-testid="image-options-summary">
            ({sizeValue === 'auto' ? 'auto size' : `${sizeValue}×${sizeValue}`},{' '}
            {decode.color === 'grayscale' ? 'grayscale' : 'RGB'}
            {decode.centerCrop ? ', centre crop' : ''},{' '}
            {scaling === 'imagenet' ? 'ImageNet mean/std' : '[0, 1]'})
          </span>
        </summary>
        <label className="field">
          <span>Image size</span>
          <select
            value={sizeValue}
            onChange={(e) => {
              const v = e.target.value;
              const size = v === 'auto' ? 'auto' : { height: Number(v), width: Number(v) };
              apply({ decode: { ...decode, size } });
            }}
          >
            {SIZE_OPTIONS.map((s) => (
              <option key={s} value={s}>
                {s === 'auto' ? 'Auto (most common, capped)' : `${s}×${s}`}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Image colour</span>
          <select
            value={decode.color}
            onChange={(e) =>
              apply({
                decode: { ...decode, color: e.target.value === 'grayscale' ? 'grayscale' : 'rgb' },
              })
            }
          >
            <option value="rgb">RGB</option>
            <option value="grayscale">Grayscale</option>
          </select>
        </label>
        <label className="field checkbox">
          <input
            type="checkbox"
            checked={decode.centerCrop}
            onChange={(e) => apply({ decode: { ...decode, centerCrop: e.target.checked } })}
          />
          <span>Centre crop</span>
        </label>
        <label className="field">
          <span>Pixel scaling</span>
          <select
            value={scaling}
            onChange={(e) =>
              apply({ scaling: e.target.value === 'imagenet' ? 'imagenet' : 'unit' })
            }
          >
            <option value="unit">[0, 1]</option>
            <option value="imagenet">Mean/std (ImageNet)</option>
          </select>
        </label>
      </details>
      {estimate && (
        <p className="muted" data-testid="image-memory-estimate">
          {estimate}
        </p>
      )}
      {loading && progress && (
        <div className="image-progress">
          <p role="status" data-testid="image-progress">
            {progress.stage === 'unzipping'
              ? `Unzipping: ${formatMB(progress.done)} of ${formatMB(progress.total)} read`
              : `Decoding ${progress.done}/${progress.total} images (${Math.round(progress.imagesPerSecond)} images/s)`}
          </p>
          <button type="button" onClick={cancelImageLoad}>
            Cancel
          </button>
        </div>
      )}
      {current && (
        <AugmentationControls spec={augmentation} onChange={(a) => apply({ augmentation: a })} />
      )}
      {current && <ImageGallery augmentation={augmentation} />}
    </fieldset>
  );
}

/** An upper bound of the decoded pixels' memory, shown before decoding. */
function memoryEstimate(source: ImageUploadSource, decode: ImageDecodeOptions): string {
  const channels = decode.color === 'grayscale' ? 1 : 3;
  const side = decode.size === 'auto' ? 64 : decode.size.width;
  const height = decode.size === 'auto' ? 64 : decode.size.height;
  if (source.kind === 'zip') {
    return `Zip of ${formatMB(source.file.size)}; each image takes ${side}×${height}×${channels} bytes at most once decoded.`;
  }
  const count = source.files.filter((f) => isImagePath(f.path)).length;
  return `${count} images; at most ${formatMB(count * side * height * channels)} of pixels once decoded (${side}×${height}×${channels}).`;
}
