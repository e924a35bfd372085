"""How each reference value is computed: scikit-learn 1.2 where it has the function,
plain numpy otherwise. Used by metric_fixtures.py, which builds the seeded inputs.

Model outputs are rounded to float32 first (f32), so the TypeScript side reads the very
same numbers from a Float32Array. Where sklearn raises (e.g. ROC AUC with one class in
y_true) the value is None; NaN is written as None too (JSON has no NaN).
"""
import numpy as np
from sklearn.calibration import calibration_curve
from sklearn.dummy import DummyClassifier, DummyRegressor
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    balanced_accuracy_score,
    classification_report,
    confusion_matrix,
    f1_score,
    log_loss,
    mean_absolute_error,
    mean_squared_error,
    precision_recall_curve,
    precision_score,
    r2_score,
    recall_score,
    roc_auc_score,
    roc_curve,
    top_k_accuracy_score,
)

# The report's log loss clips like TF.js (its backend epsilon is 1e-7).
EPS = 1e-7


def f32(a):
    return np.asarray(a, dtype=np.float32).astype(np.float64)


def num(x):
    x = float(x)
    return None if np.isnan(x) else x


def nums(a):
    return [num(x) for x in np.asarray(a, dtype=np.float64).ravel()]


def ints(a):
    return [int(x) for x in np.asarray(a).ravel()]


def or_null(fn):
    try:
        return fn()
    except ValueError:
        return None


def predicted_classes(outputs, units):
    if units == 1:
        return (outputs[:, 0] >= 0.5).astype(np.int64)
    return outputs.argmax(axis=1)


def class_probabilities(outputs, units):
    return np.hstack([1 - outputs, outputs]) if units == 1 else outputs


def calibration(correct, confidence):
    prob_true, prob_pred = calibration_curve(correct, confidence, n_bins=10, strategy="uniform")
    bins = np.linspace(0.0, 1.0, 11)
    counts = np.bincount(np.searchsorted(bins[1:-1], confidence), minlength=10)
    nonzero = counts[counts > 0]
    ece = float(np.sum(nonzero / len(confidence) * np.abs(prob_true - prob_pred)))
    return {
        "fractionPositive": nums(prob_true),
        "meanPredicted": nums(prob_pred),
        "counts": ints(nonzero),
        "ece": ece,
    }


def report(y, pred, k):
    d = classification_report(
        y, pred, labels=list(range(k)), output_dict=True, zero_division="warn"
    )
    per = [d[str(c)] for c in range(k)]
    support = np.array([r["support"] for r in per])
    predicted_count = np.bincount(pred, minlength=k)
    cols = {"precision": "precision", "recall": "recall", "f1": "f1-score"}

    def row(r):
        return {key: r[name] for key, name in cols.items()} | {"support": int(r["support"])}

    accuracy = d["accuracy"] if "accuracy" in d else d["micro avg"]["f1-score"]
    return {
        "classes": [row(r) for r in per],
        "macro": row(d["macro avg"]),
        "weighted": row(d["weighted avg"]),
        "accuracy": accuracy,
        # The cells whose value rests on the 0/0 → 0 convention.
        "precisionZeroDivision": [bool(x == 0) for x in predicted_count],
        "recallZeroDivision": [bool(x == 0) for x in support],
    }


def confusion_details(y, pred, probs, k):
    counts = confusion_matrix(y, pred, labels=list(range(k)))
    pairs = [
        (int(counts[a, p]), a, p)
        for a in range(k)
        for p in range(k)
        if a != p and counts[a, p] > 0
    ]
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    cells = []
    for a in range(k):
        for p in range(k):
            rows = np.where((y == a) & (pred == p))[0]
            # Most confident first; equal probabilities in row order.
            order = np.lexsort((rows, -probs[rows, p]))
            cells.append(ints(rows[order]))
    return {
        "counts": [ints(r) for r in counts],
        "normalized": [
            nums(r)
            for r in confusion_matrix(y, pred, labels=list(range(k)), normalize="true")
        ],
        "confusedPairs": [{"actual": a, "predicted": p, "count": c} for c, a, p in pairs],
        "cellRows": cells,
    }


def binary_part(y, probs, positive, thresholds):
    score = probs[:, positive]
    truth = (y == positive).astype(np.int64)

    def roc(drop):
        if len(np.unique(truth)) < 2:
            return None
        fpr, tpr, thr = roc_curve(y, score, pos_label=positive, drop_intermediate=drop)
        return {"fpr": nums(fpr), "tpr": nums(tpr), "thresholds": nums(thr)}

    precision, recall, thr = precision_recall_curve(y, score, pos_label=positive)
    at = []
    for t in thresholds:
        pos_pred = score >= t
        pred = np.where(pos_pred, positive, 1 - positive)
        at.append(
            {
                "threshold": t,
                "precision": precision_score(truth, pos_pred, zero_division=0),
                "recall": recall_score(truth, pos_pred, zero_division=0),
                "f1": f1_score(truth, pos_pred, zero_division=0),
                "confusion": [ints(r) for r in confusion_matrix(y, pred, labels=[0, 1])],
            }
        )
    return {
        "positive": positive,
        "scores": nums(score),
        "roc": roc(True),
        "rocAll": roc(False),
        "auc": or_null(lambda: roc_auc_score(truth, score)),
        "pr": {"precision": nums(precision), "recall": nums(recall), "thresholds": nums(thr)},
        "averagePrecision": average_precision_score(y, score, pos_label=positive),
        "atThreshold": at,
        "calibration": calibration(truth, score),
    }


def multiclass_part(y, probs, k):
    per_class = []
    for c in range(k):
        truth = (y == c).astype(np.int64)
        if len(np.unique(truth)) < 2:
            per_class.append(None)
            continue
        fpr, tpr, thr = roc_curve(truth, probs[:, c])
        per_class.append(
            {
                "fpr": nums(fpr),
                "tpr": nums(tpr),
                "thresholds": nums(thr),
                "auc": roc_auc_score(truth, probs[:, c]),
            }
        )
    macro = or_null(
        lambda: roc_auc_score(y, probs, multi_class="ovr", average="macro", labels=list(range(k)))
    )
    top_k = {
        str(t): top_k_accuracy_score(y, probs, k=t, labels=list(range(k)))
        for t in (1, 2, 3, 5)
        if t <= k
    }
    confidence = probs.max(axis=1)
    correct = (probs.argmax(axis=1) == y).astype(np.int64)
    return {
        "ovr": per_class,
        "macroAuc": macro,
        "topK": top_k,
        "calibration": calibration(correct, confidence),
    }


def majority_baseline(train, test, k):
    model = DummyClassifier(strategy="most_frequent").fit(np.zeros((len(train), 1)), train)
    pred = model.predict(np.zeros((len(test), 1)))
    return {
        "majorityClass": int(model.classes_[np.argmax(model.class_prior_)]),
        "accuracy": accuracy_score(test, pred),
        "recall": nums(
            recall_score(test, pred, labels=list(range(k)), average=None, zero_division=0)
        ),
    }


def classification_case(name, y, outputs, units, train, thresholds=(0.5,), positive=None):
    y = np.asarray(y, dtype=np.int64)
    outputs = f32(outputs).reshape(len(y), units)
    k = 2 if units == 1 else units
    probs = class_probabilities(outputs, units)
    pred = predicted_classes(outputs, units)
    case = {
        "name": name,
        "numClasses": k,
        "units": units,
        "actual": ints(y),
        "outputs": nums(outputs),
        "predicted": ints(pred),
        "trainLabels": ints(train),
        "accuracy": accuracy_score(y, pred),
        "balancedAccuracy": balanced_accuracy_score(y, pred),
        "logLoss": log_loss(
            y, outputs[:, 0] if units == 1 else outputs, eps=EPS, labels=list(range(k))
        ),
        "report": report(y, pred, k),
        "confusion": confusion_details(y, pred, probs, k),
        "baseline": majority_baseline(np.asarray(train), y, k),
    }
    if k == 2:
        counts = np.bincount(train, minlength=2)
        # The minority class of the training split; a tie goes to the higher index.
        default_positive = 1 if counts[1] <= counts[0] else 0
        case["defaultPositive"] = default_positive
        chosen = default_positive if positive is None else positive
        case["binary"] = binary_part(y, probs, chosen, thresholds)
    else:
        case["multiclass"] = multiclass_part(y, probs, k)
    return case


def histogram(residuals, bins):
    counts, edges = np.histogram(residuals, bins=bins)
    return {"edges": nums(edges), "counts": ints(counts)}


def regression_case(name, y, yhat, train):
    y, yhat, train = f32(y), f32(yhat), f32(train)
    residual = y - yhat
    order = np.lexsort((np.arange(len(y)), -np.abs(residual)))[:10]
    baseline = DummyRegressor(strategy="mean").fit(np.zeros((len(train), 1)), train)
    constant = baseline.predict(np.zeros((len(y), 1)))
    return {
        "name": name,
        "actual": nums(y),
        "predicted": nums(yhat),
        "trainTargets": nums(train),
        "mse": mean_squared_error(y, yhat),
        "rmse": mean_squared_error(y, yhat, squared=False),
        "mae": mean_absolute_error(y, yhat),
        "r2": num(r2_score(y, yhat)),
        "histogram20": histogram(residual, 20),
        "histogram7": histogram(residual, 7),
        "largestErrors": ints(order),
        "baseline": {
            "mean": float(baseline.constant_[0][0]),
            "rmse": mean_squared_error(y, constant, squared=False),
            "r2": num(r2_score(y, constant)),
        },
    }
