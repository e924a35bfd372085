"""A small recording stand-in for `tensorflow`, used to test the generated Keras script
where TensorFlow for Python is not installable. It records what the script builds."""
from . import keras  # noqa: F401

# The few tensor ops a generated schedule uses, on plain Python numbers.
float32 = "float32"


def cast(x, dtype):
    return float(x)


def maximum(a, b):
    return max(a, b)


def where(condition, a, b):
    return a if condition else b


class _Strategy:
    def __init__(self, kind):
        self.kind = kind
        self.num_replicas_in_sync = 1

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def scope(self):
        keras.RECORD["strategy"] = self.kind
        return self


class distribute:  # noqa: N801 - mirrors tf.distribute
    MirroredStrategy = staticmethod(lambda: _Strategy("mirrored"))
    MultiWorkerMirroredStrategy = staticmethod(lambda: _Strategy("multiworker"))
    get_strategy = staticmethod(lambda: _Strategy("default"))
