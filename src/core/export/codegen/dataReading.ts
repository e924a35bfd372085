/**
 * Python shared by the Keras and PyTorch scripts: reading the same CSV or image folder and
 * applying the app's fitted preprocessing. Each script embeds it, so each stays standalone.
 */
export const DATA_READING = `def read_csv(path, target):
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
    """Tabular features: the app's fitted mean/std when embedded, else fitted on train rows."""
    if PREPROCESSING["kind"] != "tabular":
        return x
    s = PREPROCESSING["standardization"]
    if s is None:
        mean = x[train_rows].mean(axis=0)
        std = x[train_rows].std(axis=0)
        std[std < 1e-6] = 1.0
    else:
        mean, std = np.array(s["mean"], np.float32), np.array(s["std"], np.float32)
    return ((x - mean) / std).astype(np.float32)`;
