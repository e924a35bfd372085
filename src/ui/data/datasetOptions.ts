import type { DatasetChoice } from '../../core/data/types';
import { SYNTHETIC_IDS, SYNTHETIC_SETS } from '../../core/data/synthetic';

export interface DatasetOption {
  key: string;
  label: string;
  group: '2-D (synthetic)' | 'Tabular' | 'Images';
  choice: DatasetChoice;
}

const SYNTH_DEFAULTS = { size: 400, noise: 0.1 };

export const DATASET_OPTIONS: readonly DatasetOption[] = [
  ...SYNTHETIC_IDS.map((id): DatasetOption => ({
    key: `synthetic:${id}`,
    label: SYNTHETIC_SETS[id].label,
    group: '2-D (synthetic)',
    choice: { kind: 'synthetic', id, ...SYNTH_DEFAULTS },
  })),
  {
    key: 'bundled:wine',
    label: 'Wine (178 wines, 13 measurements, 3 cultivars)',
    group: 'Tabular',
    choice: { kind: 'bundled', id: 'wine' },
  },
  {
    key: 'bundled:fashion-mnist',
    label: 'Fashion-MNIST (3,000 images, 28×28, 10 classes)',
    group: 'Images',
    choice: { kind: 'bundled', id: 'fashion-mnist' },
  },
];

/** The select's value for a choice. */
export function choiceKey(c: DatasetChoice): string {
  if (c.kind === 'upload') return `upload:${c.format}:${c.uploadId}`;
  return `${c.kind}:${c.id}`;
}

/** The choice for a select value; a synthetic set keeps the current size and noise. */
export function choiceFromKey(key: string, current: DatasetChoice): DatasetChoice {
  const opt = DATASET_OPTIONS.find((o) => o.key === key);
  if (!opt && key === choiceKey(current)) return current;
  if (!opt) throw new Error(`Unknown dataset option ${key}`);
  if (opt.choice.kind === 'synthetic' && current.kind === 'synthetic') {
    return { ...opt.choice, size: current.size, noise: current.noise };
  }
  return opt.choice;
}
