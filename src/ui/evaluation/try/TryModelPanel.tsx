import { useEffect, useMemo, useRef, useState } from 'react';
import { darkBackground } from '../../../core/data/images/pixels';
import { tryFields } from '../../../core/predict/fields';
import type { RunRecord } from '../../../core/runs/record';
import { useAppStore } from '../../../state/store';
import type { TryInput, TryModelRef } from '../../../worker/evaluation/messages';
import { requestTryPrediction, type TryAnswer } from '../examples/evaluationRequests';
import { runDataState } from '../examples/runData';
import { ModalDialog } from '../../forms/ModalDialog';
import { DrawingPad } from './DrawingPad';
import { latestWins, type LatestWins } from './latestWins';
import { PredictionView } from './PredictionView';
import { TableForm } from './TableForm';
import './try.css';

// At most 10 predictions a second while the user draws or types; the latest input wins.
const MIN_INTERVAL_MS = 100;

type Answered = Extract<TryAnswer, { ok: true }>;

/** Whether the run's images are light on dark (Fashion-MNIST) or dark on light. */
function useDarkImages(record: RunRecord): boolean {
  const summary = useAppStore((s) => s.dataset);
  const loading = useAppStore((s) => s.datasetLoading);
  const samples = summary?.imageInfo?.samples;
  return useMemo(() => {
    if (record.datasetChoice.kind === 'bundled') return true;
    const info = summary?.imageInfo;
    if (!info || !samples || runDataState(record, summary, loading) !== 'loaded') return false;
    const { width, height, channels } = info;
    return darkBackground(samples.map((s) => ({ width, height, channels, pixels: s.pixels })));
  }, [record, summary, loading, samples]);
}

/**
 * "Try the model": draw or upload an image, or fill in a row of raw values, and see the
 * run's prediction as it changes. Every prediction is made in the training worker.
 */
export function TryModelPanel({
  record,
  modelRef,
  onClose,
}: {
  record: RunRecord;
  modelRef: TryModelRef;
  onClose: () => void;
}) {
  const pre = modelRef.preprocessing;
  const fields = useMemo(() => (pre.kind === 'image' ? [] : tryFields(pre)), [pre]);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f.name, f.initial])),
  );
  const [answer, setAnswer] = useState<Answered | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dark, setDark] = useState(useDarkImages(record));

  // The request reads the newest input and model when it starts (latest wins).
  const input = useRef<(() => Promise<TryInput>) | null>(null);
  const model = useRef(modelRef);
  const requests = useRef<LatestWins | null>(null);
  useEffect(() => {
    model.current = modelRef;
  }, [modelRef]);
  useEffect(() => {
    const lw = latestWins(async () => {
      const make = input.current;
      if (!make) return;
      const reply = await requestTryPrediction(model.current, await make());
      if (reply.ok) {
        setAnswer(reply);
        setError(null);
      } else setError(reply.message);
    }, MIN_INTERVAL_MS);
    requests.current = lw;
    return () => lw.dispose();
  }, []);
  const ask = (make: () => Promise<TryInput>) => {
    input.current = make;
    requests.current?.request();
  };

  const latestValues = useRef(values);
  // A table predicts its starting row at once; a new epoch's weights predict again.
  useEffect(() => {
    if (pre.kind !== 'image' && input.current === null) {
      input.current = async () => ({ kind: 'values', values: latestValues.current });
    }
    if (input.current) requests.current?.request();
  }, [pre.kind, modelRef.checkpointEpoch, record.epochs.length]);

  const setValue = (name: string, value: string) => {
    const next = { ...latestValues.current, [name]: value };
    latestValues.current = next;
    setValues(next);
    ask(async () => ({ kind: 'values', values: next }));
  };

  const image = modelRef.image;
  return (
    <ModalDialog
      title={`Try the model: ${record.name}`}
      onClose={onClose}
      className="try-dialog"
      headerClassName="examples-header"
      data-testid="try-model"
    >
      <div className="try-body">
        <div className="try-input">
          {image ? (
            <>
              <p className="try-hint">
                Draw {dark ? 'in white on black' : 'in black on white'}, as the images of{' '}
                {record.dataset.name} look; the drawing is resized to {image.width}×{image.height}{' '}
                as an uploaded image would be.
              </p>
              <DrawingPad
                imageWidth={image.width}
                imageHeight={image.height}
                dark={dark}
                onDraw={(canvas) =>
                  ask(async () => ({ kind: 'image', image: await createImageBitmap(canvas) }))
                }
              />
              <label className="field checkbox">
                <input type="checkbox" checked={dark} onChange={(e) => setDark(e.target.checked)} />
                <span>Dark background</span>
              </label>
              <label className="field">
                <span>Upload an image</span>
                <input
                  type="file"
                  accept="image/*"
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    if (file) ask(async () => ({ kind: 'image', image: file }));
                  }}
                />
              </label>
            </>
          ) : (
            <>
              <p className="try-hint">
                Values as in {record.dataset.name}; the run&apos;s own preprocessing turns them into
                the model&apos;s features. Fields start at the value a missing cell gets.
              </p>
              <TableForm fields={fields} values={values} onChange={setValue} />
            </>
          )}
        </div>
        <div className="try-output">
          {error && <p role="alert">No prediction: {error}</p>}
          <PredictionView
            prediction={answer?.prediction ?? null}
            classNames={pre.classNames}
            targetName={record.pipeline?.spec.target ?? 'value'}
            seen={answer?.seen ?? null}
            modelRef={modelRef}
          />
        </div>
      </div>
    </ModalDialog>
  );
}
