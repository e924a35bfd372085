export { diagnose } from './diagnose';
export { detectLearningRate, detectOverfitting, detectPlateau, detectUnderfitting } from './curves';
export {
  createDivergenceMonitor,
  detectDivergence,
  divergenceAt,
  findDivergence,
} from './divergence';
export type { DivergenceEvent } from './divergence';
export { detectImbalance } from './imbalance';
export { detectDeadUnits, detectGradients, gradientRatio } from './layers';
export { CROSS_ENTROPY_CEILING, THRESHOLDS } from './types';
export type { DiagnosisInput, Evidence, Finding, FindingKind, Remedy, Severity } from './types';
