import {
  removeTestCsv,
  setSamplePercent,
  setStandardizeTarget,
  uploadTestCsv,
  useCsvUpload,
} from '../../../state/csvUpload';
import { parseNumberInput } from '../../../core/input/numberRule';
import { SAMPLE_PERCENT_RULE } from '../../../core/data/csv/draft';
import { NumberField } from '../../forms/NumberField';

/** A separate test file, a random sample of the rows, and target standardization (regression). */
export function CsvSplitOptions({ nRows }: { nRows: number }) {
  const task = useCsvUpload((s) => s.task);
  const testParsing = useCsvUpload((s) => s.testParsing);
  const testParsed = useCsvUpload((s) => s.testParsed);
  const testError = useCsvUpload((s) => s.testError);
  const samplePercent = useCsvUpload((s) => s.samplePercent);
  const standardizeTarget = useCsvUpload((s) => s.standardizeTarget);
  const sampled = Math.max(2, Math.round((nRows * samplePercent) / 100));
  return (
    <fieldset className="csv-split-options">
      <legend>Test file and sample</legend>
      <label className="field file">
        <span>Upload test CSV</span>
        <input
          type="file"
          accept=".csv,.tsv,.tab,.txt,text/csv,text/plain"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) uploadTestCsv(f);
            e.target.value = '';
          }}
        />
      </label>
      {testParsing && <span role="status">Reading the test file…</span>}
      {testParsed && !testError && (
        <span data-testid="csv-test-file">
          {testParsed.fileName}: {testParsed.nRows.toLocaleString('en')} rows form the test split;
          the split ratios divide the training file into training and validation.{' '}
          <button type="button" onClick={removeTestCsv}>
            Remove test file
          </button>
        </span>
      )}
      {testError && (
        <p role="alert" className="error" data-testid="csv-test-error">
          {testError}
        </p>
      )}
      <NumberField
        label="Use a random sample (% of rows)"
        value={samplePercent}
        parse={(raw) => parseNumberInput(raw, SAMPLE_PERCENT_RULE)}
        onCommit={setSamplePercent}
        inputProps={{ type: 'number', min: 1, max: 100, step: 1 }}
      />
      {samplePercent > 0 && samplePercent < 100 && (
        <span className="muted small" data-testid="csv-sample-note">
          about {sampled.toLocaleString('en')} of {nRows.toLocaleString('en')} rows (seeded,
          {task === 'regression' ? '' : ' stratified by class,'} the same rows for every run)
        </span>
      )}
      {task === 'regression' && (
        <label className="field checkbox">
          <input
            type="checkbox"
            checked={standardizeTarget}
            onChange={(e) => setStandardizeTarget(e.target.checked)}
          />
          <span>Standardize the target (errors are reported in its own units)</span>
        </label>
      )}
    </fieldset>
  );
}
