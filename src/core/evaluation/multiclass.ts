/**
 * One-vs-rest ROC of a multi-class model, as sklearn 1.2's
 * `roc_auc_score(y, probs, multi_class="ovr", average="macro", labels=range(k))`.
 */
import { rocCurve, trapezoidArea, type RocCurve } from './curves';
import { rowCount, type Numbers } from './outputs';

/** The ROC of one class against all the others, scored by its probability. */
export interface ClassRoc {
  curve: RocCurve;
  auc: number;
}

/** Per-class ROC and the macro-average AUC. */
export interface OneVsRestRoc {
  /** null for a class with no rows, or with every row (its ROC is undefined). */
  perClass: (ClassRoc | null)[];
  /**
   * The mean of the per-class AUCs; null when any class's is undefined, since sklearn
   * then raises rather than average over fewer classes.
   */
  macroAuc: number | null;
}

/** One-vs-rest ROC curves (sklearn's default drop_intermediate=True) and macro AUC. */
export function oneVsRestRoc(actual: Numbers, outputs: Numbers, units: number): OneVsRestRoc {
  if (units < 2) throw new RangeError('One-vs-rest ROC needs one output per class');
  const n = rowCount(outputs, units, actual);
  const perClass: (ClassRoc | null)[] = [];
  for (let c = 0; c < units; c++) {
    const scores = new Float64Array(n);
    for (let i = 0; i < n; i++) scores[i] = outputs[i * units + c]!;
    const curve = rocCurve(actual, scores, c);
    perClass.push(curve && { curve, auc: trapezoidArea(curve.fpr, curve.tpr) });
  }
  const defined = perClass.filter((r): r is ClassRoc => r !== null);
  const macroAuc =
    defined.length === units && units > 0
      ? defined.reduce((sum, r) => sum + r.auc, 0) / units
      : null;
  return { perClass, macroAuc };
}
