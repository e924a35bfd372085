import { fmt, pct } from './format';
import { THRESHOLDS, type DiagnosisInput, type Finding } from './types';

const REMEDIES = [
  { id: 'weight-classes', label: 'Weight the classes' },
  { id: 'balanced-accuracy', label: 'Report balanced accuracy' },
];

/**
 * Class imbalance: the largest training class over the smallest above 3, or the
 * validation macro recall below the accuracy by more than 0.15.
 */
export function detectImbalance(input: DiagnosisInput): Finding[] {
  if (input.task === 'regression') return [];
  const T = THRESHOLDS.imbalance;
  const counts = input.classCounts ?? [];
  if (counts.length >= 2) {
    const largest = Math.max(...counts);
    const smallest = Math.min(...counts);
    if (largest > T.countRatio * smallest) {
      return [
        {
          kind: 'imbalance',
          severity: 'warning',
          explanation:
            `The largest class has ${largest} training examples and the smallest ${smallest}, a ratio of ` +
            `${smallest > 0 ? fmt(largest / smallest) : '∞'} (threshold ${T.countRatio}).`,
          evidence: { chart: 'classes', values: [...counts] },
          remedies: REMEDIES,
        },
      ];
    }
  }
  const recall = input.valMacroRecall;
  const history = input.history;
  const accuracy = input.valAccuracy ?? history[history.length - 1]?.valAccuracy;
  if (recall === undefined || accuracy === undefined || !(accuracy - recall > T.recallGap))
    return [];
  return [
    {
      kind: 'imbalance',
      severity: 'warning',
      explanation:
        `The validation macro recall ${pct(recall)} is ${Math.round((accuracy - recall) * 100)} points below ` +
        `the accuracy ${pct(accuracy)} (threshold ${Math.round(T.recallGap * 100)}): the small classes are missed.`,
      evidence: { chart: 'metric', values: [recall, accuracy] },
      remedies: REMEDIES,
    },
  ];
}
