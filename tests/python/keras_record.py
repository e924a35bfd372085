"""Runs a generated Keras script against the recording stand-in and prints what it built.

Usage: PYTHONPATH=tests/python/keras_stub python3 keras_record.py model_keras.py [--strategy NAME]
       [--steps-per-epoch N --lr-steps M]
Prints the layers, model, optimizer (a schedule as its record, and its learning rate at
steps 0..M-1 under "lrs"), callbacks, loss, metrics and config.
"""
import importlib.util
import json
import sys

from tensorflow import keras  # the stand-in


def main():
    spec = importlib.util.spec_from_file_location("generated_keras", sys.argv[1])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    args = dict(zip(sys.argv[2::2], sys.argv[3::2]))
    steps_per_epoch = int(args.get("--steps-per-epoch", 10))
    with module.make_strategy(args.get("--strategy", "none")).scope():
        module.build_model()
        module.make_optimizer(steps_per_epoch)
    lr = keras.RECORD["optimizer"]["config"]["learning_rate"]
    if isinstance(lr, keras.LearningRateSchedule):
        keras.RECORD["optimizer"]["config"]["learning_rate"] = lr.record()
        keras.RECORD["lrs"] = [float(lr(step)) for step in range(int(args.get("--lr-steps", 0)))]
    keras.RECORD["callbacks"] = module.make_callbacks()
    keras.RECORD["loss"] = module.LOSS
    keras.RECORD["metrics"] = module.METRICS
    keras.RECORD["config"] = module.CONFIG
    print(json.dumps(keras.RECORD))


if __name__ == "__main__":
    main()
