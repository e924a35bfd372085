"""Recording stand-in for tensorflow.keras: layers, Model and optimizers record their
effective configuration (Keras defaults filled in) into RECORD."""
import math

RECORD = {"layers": [], "model": None, "optimizer": None, "strategy": None}

# Positional parameters and defaults of the real Keras 2/3 signatures used by the app.
POSITIONAL = {
    "Dense": ["units"],
    "Conv2D": ["filters", "kernel_size"],
    "Dropout": ["rate"],
    "Activation": ["activation"],
    # Keras 3 names it negative_slope (alpha deprecated); the script passes it by position.
    "LeakyReLU": ["alpha"],
    "Reshape": ["target_shape"],
    "MaxPooling2D": ["pool_size"],
    "AveragePooling2D": ["pool_size"],
}
DEFAULTS = {
    "Dense": {"activation": "linear", "use_bias": True, "kernel_initializer": "glorot_uniform"},
    "Conv2D": {"strides": [1, 1], "padding": "valid", "activation": "linear", "use_bias": True,
               "kernel_initializer": "glorot_uniform"},
    "MaxPooling2D": {"pool_size": [2, 2], "padding": "valid"},
    "AveragePooling2D": {"pool_size": [2, 2], "padding": "valid"},
    "BatchNormalization": {"momentum": 0.99, "epsilon": 0.001},
    "LeakyReLU": {"alpha": 0.3},
}


def _plain(v):
    if isinstance(v, (tuple, list)):
        return [_plain(x) for x in v]
    return v


class _Tensor:
    def __init__(self, layer):
        self.layer = layer


class _Layer:
    def __init__(self, cls, args, kwargs):
        names = POSITIONAL.get(cls, [])
        if len(args) > len(names):
            raise TypeError(f"{cls} takes {len(names)} positional arguments, got {len(args)}")
        config = dict(DEFAULTS.get(cls, {}))
        config.update({k: _plain(v) for k, v in zip(names, args)})
        config.update({k: _plain(v) for k, v in kwargs.items()})
        if cls in ("MaxPooling2D", "AveragePooling2D") and config.get("strides") is None:
            config["strides"] = config["pool_size"]
        self.entry = {"class": cls, "name": config.pop("name", None), "config": config, "inputs": []}
        RECORD["layers"].append(self.entry)

    def __call__(self, inputs):
        items = inputs if isinstance(inputs, list) else [inputs]
        if not all(isinstance(t, _Tensor) for t in items):
            raise TypeError("layer called on something that is not a Keras tensor")
        self.entry["inputs"] = [t.layer for t in items]
        return _Tensor(self.entry["name"])


class _Layers:
    def Input(self, shape, name=None):  # noqa: N802 - Keras name
        entry = {"class": "Input", "name": name, "config": {"shape": _plain(shape)}, "inputs": []}
        RECORD["layers"].append(entry)
        return _Tensor(name)

    def __getattr__(self, cls):
        if not cls[:1].isupper():
            raise AttributeError(cls)
        return lambda *args, **kwargs: _Layer(cls, args, kwargs)


layers = _Layers()


def Model(inputs, outputs, name=None):  # noqa: N802 - Keras name
    RECORD["model"] = {"inputs": inputs.layer, "outputs": outputs.layer, "name": name}
    return RECORD["model"]


class LearningRateSchedule:
    """Base of the schedules; \`record()\` is what the recorder prints of one."""

    def __init__(self):
        pass

    def record(self):
        return {"class": type(self).__name__, "config": self.get_config()}


class ExponentialDecay(LearningRateSchedule):
    """Keras ExponentialDecay: lr * rate ** (step / decay_steps), floored when staircase."""

    def __init__(self, initial_learning_rate, decay_steps, decay_rate, staircase=False):
        super().__init__()
        self.config = {"initial_learning_rate": initial_learning_rate, "decay_steps": decay_steps,
                       "decay_rate": decay_rate, "staircase": staircase}

    def __call__(self, step):
        c = self.config
        p = step / c["decay_steps"]
        return c["initial_learning_rate"] * c["decay_rate"] ** (math.floor(p) if c["staircase"] else p)

    def get_config(self):
        return self.config


class CosineDecay(LearningRateSchedule):
    """Keras CosineDecay without warm-up: lr * ((1 - alpha) * 0.5 * (1 + cos(pi * t)) + alpha)."""

    def __init__(self, initial_learning_rate, decay_steps, alpha=0.0):
        super().__init__()
        self.config = {"initial_learning_rate": initial_learning_rate, "decay_steps": decay_steps,
                       "alpha": alpha}

    def __call__(self, step):
        c = self.config
        t = min(step, c["decay_steps"]) / c["decay_steps"]
        return c["initial_learning_rate"] * ((1 - c["alpha"]) * 0.5 * (1 + math.cos(math.pi * t)) + c["alpha"])

    def get_config(self):
        return self.config


class _Schedules:
    LearningRateSchedule = LearningRateSchedule
    ExponentialDecay = ExponentialDecay
    CosineDecay = CosineDecay

    @staticmethod
    def serialize(schedule):
        return schedule.record()


class _Optimizers:
    schedules = _Schedules()

    def __getattr__(self, cls):
        def make(**kwargs):
            RECORD["optimizer"] = {"class": cls, "config": kwargs}
            return RECORD["optimizer"]
        return make


optimizers = _Optimizers()


class _Regularizers:
    """regularizers.l1 / l2 / l1_l2 (Keras signatures) as the penalties they stand for."""

    @staticmethod
    def l1(l1=0.01):
        return {"l1": l1, "l2": 0.0}

    @staticmethod
    def l2(l2=0.01):
        return {"l1": 0.0, "l2": l2}

    @staticmethod
    def l1_l2(l1=0.0, l2=0.0):
        return {"l1": l1, "l2": l2}


regularizers = _Regularizers()


class _Callbacks:
    def __getattr__(self, cls):
        return lambda **kwargs: {"class": cls, "config": kwargs}


callbacks = _Callbacks()


class _Utils:
    @staticmethod
    def register_keras_serializable(package=None):
        return lambda cls: cls


utils = _Utils()
