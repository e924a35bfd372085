/** The fixed part of the Keras script: data reading, tf.distribute strategy, training. */
export const KERAS_RUNTIME = `

def make_strategy(name):
    """tf.distribute: 'mirrored' uses every GPU here; 'multiworker' reads TF_CONFIG."""
    if name == "mirrored":
        return tf.distribute.MirroredStrategy()
    if name == "multiworker":
        return tf.distribute.MultiWorkerMirroredStrategy()
    return tf.distribute.get_strategy()


def read_csv(path, target):
    import pandas as pd
    frame = pd.read_csv(path)
    if target not in frame.columns:
        raise SystemExit(f"{path}: no column named {target!r}; pass --target")
    features = PREPROCESSING["featureNames"] or [c for c in frame.columns if c != target]
    missing = [f for f in features if f not in frame.columns]
    if missing:
        raise SystemExit(
            f"{path}: the app's column pipeline made features {missing[:5]} that are not columns "
            "of the CSV; apply PREPROCESSING['fittedPipeline'] (imputing, encoding) to the CSV first")
    x = frame[features].to_numpy(dtype=np.float32)
    raw_y = frame[target]
    names = PREPROCESSING["classNames"]
    if PREPROCESSING["task"] == "regression":
        y = raw_y.to_numpy(dtype=np.float32)
    elif names and raw_y.astype(str).isin(names).all():
        y = raw_y.astype(str).map({n: i for i, n in enumerate(names)}).to_numpy(dtype=np.int64)
    else:
        y = raw_y.to_numpy(dtype=np.int64)
    return x * PREPROCESSING["inputScale"], y


def read_image_folder(folder):
    from PIL import Image
    names = PREPROCESSING["classNames"] or sorted(
        d for d in os.listdir(folder) if os.path.isdir(os.path.join(folder, d)))
    h, w, c = PREPROCESSING["featureShape"]
    xs, ys = [], []
    for label, name in enumerate(names):
        for file in sorted(os.listdir(os.path.join(folder, name))):
            image = Image.open(os.path.join(folder, name, file)).convert("L" if c == 1 else "RGB")
            pixels = np.asarray(image.resize((w, h)), dtype=np.float32).reshape(h, w, c)
            xs.append(pixels * PREPROCESSING["inputScale"])
            ys.append(label)
    return np.stack(xs), np.array(ys, dtype=np.int64)


def split_rows(n, seed, split_path=None):
    """The app's exact split when split.json (from the model zip) is given, else a seeded shuffle."""
    if split_path:
        with open(split_path) as f:
            split = json.load(f)
        rows = [np.array(split[k], dtype=np.int64) for k in ("train", "validation", "test")]
        if max((r.max() for r in rows if len(r)), default=-1) >= n:
            raise SystemExit(f"{split_path} names rows beyond the {n} rows of the data")
        return rows
    order = np.random.default_rng(seed).permutation(n)
    n_train = int(round(n * CONFIG["split"]["train"]))
    n_val = int(round(n * CONFIG["split"]["validation"]))
    return order[:n_train], order[n_train:n_train + n_val], order[n_train + n_val:]


def standardize(x, train_rows):
    if PREPROCESSING["kind"] != "tabular":
        return x
    s = PREPROCESSING["standardization"]
    if s is None:
        mean = x[train_rows].mean(axis=0)
        std = x[train_rows].std(axis=0)
        std[std < 1e-6] = 1.0
    else:
        mean, std = np.array(s["mean"], np.float32), np.array(s["std"], np.float32)
    return ((x - mean) / std).astype(np.float32)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--csv", help="CSV file with one row per example")
    parser.add_argument("--target", default="label", help="target column of the CSV")
    parser.add_argument("--images", help="folder with one sub-folder of images per class")
    parser.add_argument("--strategy", choices=["none", "mirrored", "multiworker"], default="none",
                        help="tf.distribute strategy: one device, all local GPUs, or several machines")
    parser.add_argument("--split", help="split.json from the model zip: train/validation/test rows as in the app")
    parser.add_argument("--epochs", type=int, default=CONFIG["epochs"])
    args = parser.parse_args()
    if not args.csv and not args.images:
        parser.error("pass --csv or --images")
    keras.utils.set_random_seed(CONFIG["seed"])
    x, y = read_image_folder(args.images) if args.images else read_csv(args.csv, args.target)
    train_rows, val_rows, test_rows = split_rows(len(x), CONFIG["seed"], args.split)
    x = standardize(x, train_rows).reshape(len(x), *PREPROCESSING["featureShape"])
    strategy = make_strategy(args.strategy)
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=make_optimizer(), loss=LOSS, metrics=METRICS)
    class_weight = None
    if CONFIG["classWeights"] and PREPROCESSING["task"] != "regression":
        counts = np.bincount(y[train_rows])
        class_weight = {i: len(train_rows) / (len(counts) * max(c, 1)) for i, c in enumerate(counts)}
    model.fit(
        x[train_rows], y[train_rows],
        batch_size=CONFIG["batchSize"] * strategy.num_replicas_in_sync,
        epochs=args.epochs,
        validation_data=(x[val_rows], y[val_rows]) if len(val_rows) else None,
        class_weight=class_weight,
    )
    if len(test_rows):
        print("test", model.evaluate(x[test_rows], y[test_rows], return_dict=True))
    model.save("model.keras")


if __name__ == "__main__":
    main()
`;
