import { DATA_READING } from './dataReading';
import { DECISION_PY } from './decision';
import { KERAS_TRAINING } from './kerasTraining';

/**
 * The fixed part of the Keras script: data reading, tf.distribute strategy, training.
 * The loss Keras reports, val_loss included, has the layers' kernel penalties in it, as
 * the app's does (src/core/train/regularization.ts).
 */
export const KERAS_RUNTIME = `

def make_strategy(name):
    """tf.distribute: 'mirrored' uses every GPU here; 'multiworker' reads TF_CONFIG."""
    if name == "mirrored":
        return tf.distribute.MirroredStrategy()
    if name == "multiworker":
        return tf.distribute.MultiWorkerMirroredStrategy()
    return tf.distribute.get_strategy()


${DATA_READING}


${DECISION_PY}


${KERAS_TRAINING}


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
    batch_size = CONFIG["batchSize"] * strategy.num_replicas_in_sync
    steps_per_epoch = max(1, math.ceil(len(train_rows) / batch_size))
    with strategy.scope():
        model = build_model()
        model.compile(optimizer=make_optimizer(steps_per_epoch), loss=LOSS, metrics=METRICS)
    class_weight = None
    if CONFIG["classWeights"] and PREPROCESSING["task"] != "regression":
        counts = np.bincount(y[train_rows])
        class_weight = {i: len(train_rows) / (len(counts) * max(c, 1)) for i, c in enumerate(counts)}
    model.fit(
        x[train_rows], y[train_rows],
        batch_size=batch_size,
        epochs=args.epochs,
        validation_data=(x[val_rows], y[val_rows]) if len(val_rows) else None,
        class_weight=class_weight,
        callbacks=make_callbacks(),
    )
    if len(test_rows):
        print("test", model.evaluate(x[test_rows], y[test_rows], return_dict=True))
        if PREPROCESSING["task"] == "binary":
            predicted = predict_binary(model.predict(x[test_rows], verbose=0))
            print(f"test accuracy {np.mean(predicted == y[test_rows]):.4f} at the app's decision {PREPROCESSING.get('decision')}")
    model.save("model.keras")


if __name__ == "__main__":
    main()
`;
