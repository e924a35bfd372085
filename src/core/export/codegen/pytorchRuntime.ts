import { DATA_READING } from './dataReading';
import { DECISION_PY } from './decision';
import { TORCH_TRAINING } from './torchTraining';

/** The fixed part of the PyTorch script: weight loading, data reading, remedies, the training loop. */
export const TORCH_RUNTIME = `

def load_tfjs_weights(model, model_json_path):
    """Loads TF.js model.json + weights.bin (as downloaded from the app) into the model."""
    with open(model_json_path) as f:
        manifest = json.load(f)
    folder = os.path.dirname(os.path.abspath(model_json_path))
    values = {}
    for group in manifest["weightsManifest"]:
        data = b"".join(open(os.path.join(folder, p), "rb").read() for p in group["paths"])
        offset = 0
        for spec in group["weights"]:
            size = int(np.prod(spec["shape"])) if spec["shape"] else 1
            arr = np.frombuffer(data, dtype=np.float32, count=size, offset=offset).reshape(spec["shape"])
            values[spec["name"]] = torch.from_numpy(arr.copy())
            offset += size * 4
    by_layer = {}
    for name, value in values.items():
        layer, _, weight = name.rpartition("/")
        # TF.js may suffix repeated names ("kernel_1"): drop the suffix.
        if weight[-1:].isdigit():
            weight = weight.rstrip("0123456789").rstrip("_")
        by_layer.setdefault(layer, {})[weight] = value
    with torch.no_grad():
        for attr, tfjs_name in TFJS_NAMES.items():
            module = getattr(model, attr, None)
            w = by_layer.get(tfjs_name)
            if module is None or w is None:
                continue
            if isinstance(module, nn.Linear):
                module.weight.copy_(w["kernel"].T)  # TF (in, out) -> torch (out, in)
                if module.bias is not None:
                    module.bias.copy_(w["bias"])
            elif isinstance(module, (nn.Conv1d, nn.Conv2d, nn.Conv3d)):
                # TF (*window, in, out) -> torch (out, in, *window), for any number of axes
                k = w["kernel"]
                module.weight.copy_(k.permute(k.dim() - 1, k.dim() - 2, *range(k.dim() - 2)))
                if module.bias is not None:
                    module.bias.copy_(w["bias"])
            elif isinstance(module, (nn.BatchNorm1d, nn.BatchNorm2d, nn.BatchNorm3d)):
                module.weight.copy_(w["gamma"])
                module.bias.copy_(w["beta"])
                module.running_mean.copy_(w["moving_mean"])
                module.running_var.copy_(w["moving_variance"])


${DATA_READING}


${DECISION_PY}


${TORCH_TRAINING}


def evaluate(model, x, y):
    model.eval()
    with torch.no_grad():
        out = model(x)
        # With the kernel penalties, as Keras's val_loss and evaluate() (and the app).
        loss = compute_loss(out, y).item() + float(model.regularization())
        if PREPROCESSING["task"] == "multiclass":
            return loss, (out.argmax(dim=-1) == y).float().mean().item()
        if PREPROCESSING["task"] == "binary":
            return loss, float(np.mean(predict_binary(out.numpy()) == y.numpy()))
        return loss, (out.reshape(-1) - y.float()).abs().mean().item()


METRIC = "mae" if PREPROCESSING["task"] == "regression" else "accuracy"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--csv", help="CSV file with one row per example")
    parser.add_argument("--target", default="label", help="target column of the CSV")
    parser.add_argument("--images", help="folder with one sub-folder of images per class")
    parser.add_argument("--weights", help="model.json downloaded from the app, to start from its weights")
    parser.add_argument("--split", help="split.json from the model zip: train/validation/test rows as in the app")
    parser.add_argument("--epochs", type=int, default=CONFIG["epochs"])
    args = parser.parse_args()
    if not args.csv and not args.images:
        parser.error("pass --csv or --images")
    torch.manual_seed(CONFIG["seed"])
    x, y = read_image_folder(args.images) if args.images else read_csv(args.csv, args.target)
    train_rows, val_rows, test_rows = split_rows(len(x), CONFIG["seed"], args.split)
    x = torch.from_numpy(standardize(x, train_rows).reshape(len(x), *PREPROCESSING["featureShape"]))
    y = torch.from_numpy(y)
    model = Model()
    if args.weights:
        load_tfjs_weights(model, args.weights)
    optimizer = make_optimizer(model)
    schedule = LearningRate(optimizer, max(1, math.ceil(len(train_rows) / CONFIG["batchSize"])))
    stopper = EarlyStopping() if CONFIG["earlyStopping"] and len(val_rows) else None
    class_weight = None
    if CONFIG["classWeights"] and PREPROCESSING["task"] == "multiclass":
        counts = torch.bincount(y[train_rows], minlength=len(PREPROCESSING["classNames"])).float()
        class_weight = len(train_rows) / (len(counts) * counts.clamp(min=1))
    generator = torch.Generator().manual_seed(CONFIG["seed"])
    for epoch in range(1, args.epochs + 1):
        model.train()
        order = torch.from_numpy(train_rows)[torch.randperm(len(train_rows), generator=generator)]
        total = 0.0
        for start in range(0, len(order), CONFIG["batchSize"]):
            rows = order[start:start + CONFIG["batchSize"]]
            optimizer.zero_grad()
            loss = training_loss(model, x[rows], y[rows], class_weight)
            loss.backward()
            if CONFIG["clipNorm"] > 0:
                # Global norm over every gradient, as Keras global_clipnorm.
                torch.nn.utils.clip_grad_norm_(model.parameters(), CONFIG["clipNorm"])
            optimizer.step()
            schedule.after_batch()
            total += loss.item() * len(rows)
        line = f"epoch {epoch}/{args.epochs} loss {total / max(len(order), 1):.4f}"
        monitored = None
        if len(val_rows):
            val_loss, val_metric = evaluate(model, x[val_rows], y[val_rows])
            line += f" val_loss {val_loss:.4f} val_{METRIC} {val_metric:.4f}"
            monitored = val_loss if monitor()[0] == "val_loss" else val_metric
        if CONFIG["lrSchedule"] != "constant":
            line += f" lr {schedule.current():.3g}"
        print(line)
        schedule.after_epoch(monitored)
        if stopper is not None and stopper.update(monitored, model, epoch):
            print(f"stopped early at epoch {epoch}/{args.epochs}, kept epoch {stopper.restore(model)}")
            break
    if len(test_rows):
        test_loss, test_metric = evaluate(model, x[test_rows], y[test_rows])
        print(f"test loss {test_loss:.4f} {METRIC} {test_metric:.4f}")
    torch.save(model.state_dict(), "model.pt")


if __name__ == "__main__":
    main()
`;
