import { useEffect } from 'react';
import { useAppStore } from '../../../state/store';
import { selectTrainingActive } from '../../../state/trainingSlice';
import { CsvPreview } from './CsvPreview';
import './csv.css';
import { cancelCsvUpload, uploadCsv, useCsvUpload } from '../../../state/csvUpload';

const CSV_NAME = /\.(csv|tsv|tab|txt)$/i;

/** "Upload CSV" (picker and dropping a file on the page), parse progress with Cancel, errors. */
export function CsvUpload() {
  const progress = useCsvUpload((s) => s.progress);
  const error = useCsvUpload((s) => s.error);
  const parsed = useCsvUpload((s) => s.parsed);
  const active = useAppStore(selectTrainingActive);

  useEffect(() => {
    // Only single delimited-text files are ours; folders and zips belong to the image upload.
    const csvFile = (e: DragEvent) => {
      const files = e.dataTransfer?.files;
      const f = files && files.length === 1 ? files[0] : undefined;
      return f && CSV_NAME.test(f.name) ? f : null;
    };
    const onDragOver = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const onDrop = (e: DragEvent) => {
      const f = csvFile(e);
      if (!f || selectTrainingActive(useAppStore.getState())) return;
      e.preventDefault();
      uploadCsv(f);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  return (
    <div className="csv-upload">
      <label className="field file">
        <span>Upload CSV</span>
        <input
          type="file"
          accept=".csv,.tsv,.tab,.txt,text/csv,text/plain"
          disabled={active}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) uploadCsv(f);
            // Picking the same file again must upload again.
            e.target.value = '';
          }}
        />
      </label>
      <p className="muted small">or drop a .csv file on the page</p>
      {progress && (
        <div className="csv-progress" role="group" aria-label="Reading CSV">
          <progress
            aria-label="CSV read progress"
            max={Math.max(1, progress.totalBytes)}
            value={progress.bytes}
          />
          <span className="small">
            {(progress.bytes / 1048576).toFixed(1)} / {(progress.totalBytes / 1048576).toFixed(1)}{' '}
            MB · {progress.rows.toLocaleString('en')} rows
          </span>
          <button type="button" onClick={cancelCsvUpload}>
            Cancel
          </button>
        </div>
      )}
      {error && !parsed && (
        <p role="alert" className="error" data-testid="csv-error">
          {error}
        </p>
      )}
      <CsvPreview />
    </div>
  );
}
