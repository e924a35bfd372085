import { useAppStore } from '../../state/store';
import { metricsCsv } from '../../core/export/metricsCsv';
import { downloadBlob, downloadText } from './download';
import { chartSvgText, svgToPng } from './chartImage';

const CHART = 'epoch-loss-chart';

/** "Download metrics CSV", "Download chart SVG" and "Download chart PNG" of the shown run. */
export function RunExportButtons() {
  const epochs = useAppStore((s) => s.run?.record.epochs ?? null);
  const pushNotice = useAppStore((s) => s.pushNotice);
  const none = !epochs || epochs.length === 0;
  const svg = (): string | null => {
    const text = chartSvgText(CHART);
    if (text === null)
      pushNotice('error', 'The loss chart is not on screen; show the charts first.');
    return text;
  };
  return (
    <>
      <button
        type="button"
        disabled={none}
        onClick={() => epochs && downloadText(metricsCsv(epochs), 'metrics.csv', 'text/csv')}
      >
        Download metrics CSV
      </button>
      <button
        type="button"
        disabled={none}
        onClick={() => {
          const text = svg();
          if (text !== null) downloadText(text, 'loss-chart.svg', 'image/svg+xml');
        }}
      >
        Download chart SVG
      </button>
      <button
        type="button"
        disabled={none}
        onClick={() => {
          const text = svg();
          if (text === null) return;
          svgToPng(text).then(
            (png) => downloadBlob(png, 'loss-chart.png'),
            (err: unknown) =>
              pushNotice(
                'error',
                `Could not make the PNG: ${err instanceof Error ? err.message : String(err)}`,
              ),
          );
        }}
      >
        Download chart PNG
      </button>
    </>
  );
}
