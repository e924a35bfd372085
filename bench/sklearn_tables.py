"""scikit-learn's digits, wine and breast-cancer tables as CSV files, and the reference
accuracy of scikit-learn's own MLPClassifier (default settings) on the same splits.

Usage: /usr/bin/python3 bench/sklearn_tables.py [--out DIR] [--splits K] [--datasets a,b]
(Debian's python3-sklearn; default DIR bench/.tmp/tables, K 5, all three datasets).

For each dataset and split seed k = 0..K-1 it writes DIR/<name>-s<k>-train.csv and
DIR/<name>-s<k>-test.csv: a stratified 75/25 split (train_test_split's default test
size), the features under scikit-learn's names and the class name last in a column
`target` (the app's CSV preview takes the last column as the target). The test file is
uploaded with "Upload test CSV", so its rows are the app's test split too.

DIR/sklearn-mlp.json holds, per dataset and split, the test accuracy of
make_pipeline(StandardScaler(), MLPClassifier(random_state=0)): the classifier with its
defaults behind the same standardisation the app's CSV pipeline applies by default
(fitted on the training rows only). `accuracyUnscaled` is MLPClassifier alone on the
raw features, for reference. Nothing is downloaded: the tables ship with scikit-learn.
"""
import argparse
import csv
import json
import os
import warnings

import sklearn
from sklearn.datasets import load_breast_cancer, load_digits, load_wine
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

LOADERS = {"digits": load_digits, "wine": load_wine, "breast-cancer": load_breast_cancer}
TEST_SIZE = 0.25
HERE = os.path.dirname(os.path.abspath(__file__))


def cell(value):
    # Integers stay integers (digits' pixels, 0..16); other values keep 10 significant digits.
    return str(int(value)) if float(value).is_integer() else format(float(value), ".10g")


def write_csv(path, names, x, labels):
    with open(path, "w", newline="") as f:
        out = csv.writer(f)
        out.writerow([*names, "target"])
        for row, label in zip(x, labels):
            out.writerow([*(cell(v) for v in row), label])


def accuracy(model, x_train, y_train, x_test, y_test):
    with warnings.catch_warnings():
        # The default 200 iterations do not always converge; the default is what we compare to.
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(x_train, y_train)
    return float(model.score(x_test, y_test))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=os.path.join(HERE, ".tmp", "tables"))
    parser.add_argument("--splits", type=int, default=5)
    parser.add_argument("--datasets", default=",".join(LOADERS))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    result = {"sklearn": sklearn.__version__, "testSize": TEST_SIZE, "datasets": {}}
    for name in args.datasets.split(","):
        data = LOADERS[name]()
        names = [str(n) for n in data.feature_names]
        classes = [str(c) for c in data.target_names]
        splits = []
        for seed in range(args.splits):
            x_train, x_test, y_train, y_test = train_test_split(
                data.data, data.target, test_size=TEST_SIZE, stratify=data.target, random_state=seed
            )
            files = {}
            for part, x, y in (("train", x_train, y_train), ("test", x_test, y_test)):
                files[part] = os.path.join(args.out, f"{name}-s{seed}-{part}.csv")
                write_csv(files[part], names, x, [classes[i] for i in y])
            scaled = make_pipeline(StandardScaler(), MLPClassifier(random_state=0))
            splits.append(
                {
                    "seed": seed,
                    "train": files["train"],
                    "test": files["test"],
                    "trainRows": len(y_train),
                    "testRows": len(y_test),
                    "accuracy": accuracy(scaled, x_train, y_train, x_test, y_test),
                    "accuracyUnscaled": accuracy(
                        MLPClassifier(random_state=0), x_train, y_train, x_test, y_test
                    ),
                }
            )
        result["datasets"][name] = {
            "rows": int(data.data.shape[0]),
            "features": int(data.data.shape[1]),
            "classes": classes,
            "splits": splits,
            "meanAccuracy": sum(s["accuracy"] for s in splits) / len(splits),
            "meanAccuracyUnscaled": sum(s["accuracyUnscaled"] for s in splits) / len(splits),
        }
    with open(os.path.join(args.out, "sklearn-mlp.json"), "w") as f:
        json.dump(result, f, indent=2)
    for name, d in result["datasets"].items():
        print(
            f"{name}: MLPClassifier test accuracy {d['meanAccuracy']:.4f} "
            f"(unscaled {d['meanAccuracyUnscaled']:.4f}) over {len(d['splits'])} splits"
        )


if __name__ == "__main__":
    main()
