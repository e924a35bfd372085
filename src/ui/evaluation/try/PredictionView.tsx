import type { Pixels } from '../../../core/data/images/pixels';
import { topClass, type Prediction } from '../../../core/predict/prediction';
import { ImageThumbnail } from '../examples/ImageThumbnail';
import { ProbabilityBars } from '../examples/ProbabilityBars';

/** The model's answer: class probabilities as bars (or the predicted value), and what it saw. */
export function PredictionView({
  prediction,
  classNames,
  targetName,
  seen,
}: {
  prediction: Prediction | null;
  classNames: string[];
  targetName: string;
  seen: Pixels | null;
}) {
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
          <ImageThumbnail image={seen} label="What the model sees" />
          <figcaption>
            What the model sees ({seen.width}×{seen.height})
          </figcaption>
        </figure>
      )}
    </div>
  );
}
