/** "Copy as CSV" and "PNG" buttons of the report's tables and charts. */
import { useState } from 'react';
import { useAppStore } from '../../state/store';
import { chartSvgText, svgToPng } from '../export/chartImage';
import { downloadBlob } from '../export/download';

/** Copies CSV text; when the browser refuses the clipboard, shows it to copy by hand. */
export function CopyCsvButton({ what, csv }: { what: string; csv: () => string }) {
  const pushNotice = useAppStore((s) => s.pushNotice);
  const [fallback, setFallback] = useState<string | null>(null);
  const copy = async () => {
    const text = csv();
    try {
      await navigator.clipboard.writeText(text);
      setFallback(null);
      pushNotice('info', `The ${what} was copied as CSV.`);
    } catch {
      setFallback(text);
    }
  };
  return (
    <>
      <button type="button" onClick={() => void copy()} aria-label={`Copy as CSV: the ${what}`}>
        Copy as CSV
      </button>
      {fallback !== null && (
        <div className="csv-fallback">
          <p role="status">
            The browser did not allow copying to the clipboard: select the text below and copy it.
          </p>
          <textarea readOnly rows={4} value={fallback} aria-label={`The ${what} as CSV`} />
          <button type="button" onClick={() => setFallback(null)}>
            Hide
          </button>
        </div>
      )}
    </>
  );
}

/**
 * Saves a picture as PNG: a recharts chart by its figure's test id, or an SVG the caller
 * draws (the confusion matrix is an HTML table, so it draws its own).
 */
export function PngButton({
  what,
  filename,
  chartTestId,
  svg,
}: {
  what: string;
  filename: string;
  chartTestId?: string;
  svg?: () => string;
}) {
  const pushNotice = useAppStore((s) => s.pushNotice);
  const save = () => {
    const text = svg ? svg() : chartTestId ? chartSvgText(chartTestId) : null;
    if (text === null) {
      pushNotice('error', `The ${what} is not on screen; show it first.`);
      return;
    }
    svgToPng(text).then(
      (png) => downloadBlob(png, filename),
      (err: unknown) =>
        pushNotice(
          'error',
          `Could not make the PNG: ${err instanceof Error ? err.message : String(err)}`,
        ),
    );
  };
  return (
    <button type="button" onClick={save} aria-label={`Save the ${what} as PNG`}>
      PNG
    </button>
  );
}
