import { detectLearningRate, detectOverfitting, detectPlateau, detectUnderfitting } from './curves';
import { detectDivergence } from './divergence';
import { detectImbalance } from './imbalance';
import { detectDeadUnits, detectGradients } from './layers';
import type { DiagnosisInput, Finding, Severity } from './types';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Runs every detector over a run's numbers; findings most severe first (stable within a severity). */
export function diagnose(input: DiagnosisInput): Finding[] {
  const divergence = detectDivergence(input.history, input.batches ?? [], input.loss);
  // A diverged run's curves are garbage: the other curve detectors would only echo it.
  const curves = divergence.length
    ? []
    : [
        ...detectOverfitting(input),
        ...detectUnderfitting(input),
        ...detectLearningRate(input),
        ...detectPlateau(input),
      ];
  const findings = [
    ...divergence,
    ...curves,
    ...detectImbalance(input),
    ...detectDeadUnits(input),
    ...detectGradients(input),
  ];
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}
