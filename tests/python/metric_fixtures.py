"""Reference values for src/core/evaluation, computed with scikit-learn 1.2 and numpy.

Usage: /usr/bin/python3 tests/python/metric_fixtures.py [OUT.json]
(default: src/core/evaluation/fixtures/metrics.json). Then `npx prettier --write` the
file: the unit tests compare parsed values, so formatting does not matter to them.

This file builds the seeded inputs (numpy RandomState, whose streams numpy keeps
stable): binary, multi-class and regression cases with tied scores, a class never
predicted, a class absent from y_true, one class only in y_true and zero divisions.
metric_reference.py computes sklearn's results on them. The few outputs sklearn has no
function for (most confused pairs, the rows behind each cell, the largest errors, ECE)
are computed there with plain numpy, independently of the TypeScript code.
"""
import json
import os
import sys
import warnings

import numpy as np
import sklearn

sys.dont_write_bytecode = True  # no __pycache__ in the repository for the import below
from metric_reference import classification_case, f32, regression_case  # noqa: E402


def softmax(logits):
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return f32(e / e.sum(axis=1, keepdims=True))


def classification_cases():
    rs = np.random.RandomState(7)
    cases = []

    y = (rs.rand(120) < 0.35).astype(np.int64)
    p = 1 / (1 + np.exp(-(3 * (y - 0.5) + rs.randn(120) * 1.5)))
    train = (rs.rand(300) < 0.35).astype(np.int64)
    cases.append(classification_case("binary-sigmoid", y, p, 1, train, (0.5, 0.25, 0.9)))

    # Scores on a 0.1 grid: many ties, and values on the calibration bins' edges.
    y = (rs.rand(100) < 0.5).astype(np.int64)
    s = np.clip(np.round(0.5 + (y - 0.5) * 0.4 + rs.randn(100) * 0.25, 1), 0, 1)
    s[:4] = [0.0, 1.0, 0.5, 0.5]
    train = np.array([0] * 40 + [1] * 40)  # tied counts: the positive class is 1
    cases.append(
        classification_case(
            "binary-softmax-ties", y, np.stack([1 - s, s], axis=1), 2, train, (0.5, 0.3)
        )
    )

    # Class 1 is the majority of training, so class 0 is positive: its score is 1 − p.
    y = (rs.rand(90) < 0.7).astype(np.int64)
    p = 1 / (1 + np.exp(-(2 * (y - 0.5) + rs.randn(90))))
    train = (rs.rand(200) < 0.7).astype(np.int64)
    cases.append(classification_case("binary-positive-zero", y, p, 1, train, (0.5, 0.4)))

    # One class only in the test split: ROC undefined; PR and AP as sklearn defines them.
    p = rs.rand(30)
    cases.append(
        classification_case("binary-only-positives", np.ones(30), p, 1, train, (0.5,), positive=1)
    )
    cases.append(
        classification_case("binary-no-positives", np.zeros(30), p, 1, train, (0.5,), positive=1)
    )

    # Every score tied: the curve is the origin and one point.
    y = np.array([0, 1, 1, 0, 1, 0, 0, 1, 1, 1])
    cases.append(classification_case("binary-all-tied", y, np.full(10, 0.5), 1, y, (0.5, 0.6)))

    y = rs.randint(0, 3, 150)
    logits = rs.randn(150, 3) + 1.5 * np.eye(3)[y]
    cases.append(classification_case("multiclass-3", y, softmax(logits), 3, rs.randint(0, 3, 400)))

    # Probabilities in twentieths: ties in the top label and across classes.
    y = rs.randint(0, 5, 120)
    raw = rs.randint(0, 6, (120, 5)) + 3 * np.eye(5, dtype=np.int64)[y] * (rs.rand(120, 1) < 0.6)
    raw[raw.sum(axis=1) == 0, 0] = 1
    probs = raw / raw.sum(axis=1, keepdims=True)
    probs = np.round(probs * 20) / 20
    probs[:, 0] += 1 - probs.sum(axis=1)  # each row sums to 1 again
    probs = np.clip(probs, 0, 1)
    probs /= probs.sum(axis=1, keepdims=True)
    cases.append(
        classification_case("multiclass-5-ties", y, probs, 5, rs.randint(0, 5, 300))
    )

    # Ten classes: 7 is never predicted, 9 is absent from y_true, 8 is neither.
    y = rs.choice([0, 1, 2, 3, 4, 5, 6, 7], 300)
    logits = rs.randn(300, 10) + 2.0 * np.eye(10)[y]
    logits[:, 7] -= 20
    logits[:, 8] -= 20
    logits[:, 9] += 0.8
    cases.append(
        classification_case("multiclass-10-gaps", y, softmax(logits), 10, rs.randint(0, 10, 500))
    )

    # One class only in y_true.
    y = np.full(40, 2)
    cases.append(classification_case("multiclass-one-class", y, softmax(rs.randn(40, 4)), 4, y))

    # Tiny, by hand: class 2 is never predicted, so its precision divides by zero.
    y = np.array([0, 0, 1, 1, 2, 2])
    probs = np.array(
        [
            [0.8, 0.1, 0.1],
            [0.3, 0.6, 0.1],
            [0.2, 0.7, 0.1],
            [0.5, 0.4, 0.1],
            [0.6, 0.1, 0.3],
            [0.1, 0.5, 0.4],
        ]
    )
    cases.append(classification_case("multiclass-tiny", y, probs, 3, np.array([0, 1, 1, 2])))
    return cases


def regression_cases():
    rs = np.random.RandomState(11)
    y = 50 + 10 * rs.randn(100)
    cases = [
        regression_case("regression-random", y, y + 3 * rs.randn(100), 49 + 10 * rs.randn(250))
    ]
    cases.append(
        regression_case(
            "regression-constant-target", np.full(20, 3.0), 3 + rs.randn(20), rs.randn(50)
        )
    )
    y = rs.randn(25) * 100
    cases.append(regression_case("regression-perfect", y, y, rs.randn(40) * 100))
    # Integer residuals fall exactly on histogram edges.
    y = rs.randint(0, 20, 60).astype(np.float64)
    cases.append(
        regression_case("regression-integer", y, y + rs.randint(-3, 4, 60), rs.randint(0, 20, 80))
    )
    return cases


def main():
    warnings.simplefilter("ignore")  # the undefined cases are expected here
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), "../../src/core/evaluation/fixtures/metrics.json"
    )
    data = {
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "classification": classification_cases(),
        "regression": regression_cases(),
    }
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w") as f:
        json.dump(data, f, allow_nan=False)
        f.write("\n")


if __name__ == "__main__":
    main()
