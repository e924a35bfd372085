"""Runs a generated Keras script against the recording stand-in and prints what it built.

Usage: PYTHONPATH=tests/python/keras_stub python3 keras_record.py model_keras.py [--strategy NAME]
"""
import importlib.util
import json
import sys

from tensorflow import keras  # the stand-in


def main():
    spec = importlib.util.spec_from_file_location("generated_keras", sys.argv[1])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    strategy_name = sys.argv[3] if len(sys.argv) > 3 and sys.argv[2] == "--strategy" else "none"
    with module.make_strategy(strategy_name).scope():
        module.build_model()
        module.make_optimizer()
    keras.RECORD["loss"] = module.LOSS
    keras.RECORD["metrics"] = module.METRICS
    keras.RECORD["config"] = module.CONFIG
    print(json.dumps(keras.RECORD))


if __name__ == "__main__":
    main()
