import { useAppStore } from '../../state/store';
import { selectTrainingActive } from '../../state/trainingSlice';
import { loadDataset } from '../../state/actions';
import type { DatasetChoice } from '../../core/data/types';
import { DATASET_OPTIONS, choiceKey, choiceFromKey } from './datasetOptions';

/** The native "Dataset" select of built-in datasets (part of the automation contract). */
export function DatasetSelect() {
  const choice = useAppStore((s) => s.datasetChoice);
  const active = useAppStore(selectTrainingActive);
  const onChange = (key: string) => {
    const next: DatasetChoice = choiceFromKey(key, choice);
    loadDataset(next);
  };
  return (
    <label className="field inline">
      <span>Dataset</span>
      <select
        value={choiceKey(choice)}
        onChange={(e) => onChange(e.target.value)}
        disabled={active}
      >
        {(['2-D (synthetic)', 'Tabular', 'Images'] as const).map((group) => (
          <optgroup key={group} label={group}>
            {DATASET_OPTIONS.filter((o) => o.group === group).map((o) => (
              <option key={o.key} value={o.key}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
        {choice.kind === 'upload' && choice.format === 'csv' && (
          <optgroup label="Uploaded CSV">
            <option value={choiceKey(choice)}>{choice.name}</option>
          </optgroup>
        )}
        {choice.kind === 'upload' && choice.format === 'images' && (
          <optgroup label="Uploaded">
            <option value={choiceKey(choice)}>{choice.name}</option>
          </optgroup>
        )}
      </select>
    </label>
  );
}
