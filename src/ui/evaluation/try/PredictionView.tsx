import type { Pixels } from '../../../core/data/images/pixels';
import { topClass, type Prediction } from '../../../core/predict/prediction';
import { ProbabilityBars } from '../examples/ProbabilityBars';
import { SaliencyImage } from '../saliency/SaliencyImage';
import type { TryModelRef } from '../../../worker/evaluation/messages';

/** The model's answer: class probabilities as bars (or the predicted value), and what it saw. */
export function PredictionView({
  prediction,
  classNames,
  targetName,
  seen,
  modelRef,
}: {
  prediction: Prediction | null;
  classNames: string[];
  targetName: string;
  seen: Pixels | null;
  /** The run's model, for the saliency map of what it saw. */
  modelRef: TryModelRef;
}) {
  const predicted = prediction?.kind === 'classes' ? topClass(prediction.probabilities) : 0;
  return (
    <div className="try-prediction">
      <div data-testid="prediction">
        {prediction === null && <p className="try-hint">The prediction appears here.</p>}
        {prediction?.kind === 'value' && (
          <p className="try-top" aria-live="polite">
            Predicted {targetName}: <strong>{prediction.value.toPrecision(5)}</strong>
          </p>
        )}
        {prediction?.kind === 'classes' && (
          <>
            <p className="try-top" aria-live="polite">
              Predicted: <strong>{classNames[topClass(prediction.probabilities)] ?? '?'}</strong> (
              {(prediction.probabilities[topClass(prediction.probabilities)]! * 100).toFixed(1)}%)
            </p>
            <ProbabilityBars
              classNames={classNames}
              probabilities={prediction.probabilities}
              testId="class-probability"
            />
          </>
        )}
      </div>
      {seen && (
        <figure className="try-seen">
          <SaliencyImage
            image={seen}
            label="What the model sees"
            availability={{ ok: true, ref: modelRef }}
            classNames={classNames}
            defaultClass={predicted}
          />
          <figcaption>
            What the model sees ({seen.width}×{seen.height})
          </figcaption>
        </figure>
      )}
    </div>
  );
}
