/** The reliability diagram (10 uniform bins) with the expected calibration error. */
import { memo, useMemo } from 'react';
import type { Calibration } from '../../core/evaluation/calibration';
import { CurveChart } from './CurveChart';
import { fixed4 } from './format';

export const CalibrationChart = memo(function CalibrationChart({
  calibration,
  binaryClass,
}: {
  calibration: Calibration;
  /** Binary: the positive class's name; multi-class: the top label's confidence is binned. */
  binaryClass: string | null;
}) {
  const series = useMemo(
    () => [
      {
        name: 'test split',
        points: calibration.bins.map((b) => ({ x: b.meanPredicted, y: b.fractionPositive })),
        color: 'var(--series-1)',
        dots: true,
      },
    ],
    [calibration],
  );
  return (
    <CurveChart
      title="Reliability diagram"
      testId="reliability-diagram"
      series={series}
      xLabel={
        binaryClass ? `Predicted probability of ${binaryClass}` : 'Confidence of the top class'
      }
      yLabel={binaryClass ? 'Observed share' : 'Share right'}
      diagonal
      summary={`ECE ${fixed4(calibration.ece) || '–'} (10 bins; the diagonal is perfect calibration)`}
    />
  );
});
