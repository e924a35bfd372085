"""Recording stand-in for tensorflow.keras: layers, Model and optimizers record their
effective configuration (Keras defaults filled in) into RECORD."""
RECORD = {"layers": [], "model": None, "optimizer": None, "strategy": None}

# Positional parameters and defaults of the real Keras 2/3 signatures used by the app.
POSITIONAL = {
    "Dense": ["units"],
    "Conv2D": ["filters", "kernel_size"],
    "Dropout": ["rate"],
    "Activation": ["activation"],
    "Reshape": ["target_shape"],
    "MaxPooling2D": ["pool_size"],
    "AveragePooling2D": ["pool_size"],
}
DEFAULTS = {
    "Dense": {"activation": "linear", "use_bias": True},
    "Conv2D": {"strides": [1, 1], "padding": "valid", "activation": "linear", "use_bias": True},
    "MaxPooling2D": {"pool_size": [2, 2], "padding": "valid"},
    "AveragePooling2D": {"pool_size": [2, 2], "padding": "valid"},
    "BatchNormalization": {"momentum": 0.99, "epsilon": 0.001},
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


class _Optimizers:
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
