"""Differential test helper: the kernels a generated PyTorch script initialises.

Usage: python3 torch_init.py SCRIPT.py [SCRIPT.py ...]
For each script, builds its Model (torch seeded with 0) and prints, per Linear/Conv
layer by its TF.js name, the kernel's std, its largest |value| and its bias's largest
|value|: {"<script>": {"<layer>": {"std": float, "maxAbs": float, "biasMaxAbs": float}}}.
"""
import importlib.util
import json
import sys

import torch
import torch.nn as nn


def kernels(path):
    spec = importlib.util.spec_from_file_location("generated_model", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    torch.manual_seed(0)
    model = module.Model()
    out = {}
    for attr, tfjs_name in module.TFJS_NAMES.items():
        m = getattr(model, attr, None)
        if isinstance(m, (nn.Linear, nn.Conv2d)):
            w = m.weight.detach().double()
            bias = 0.0 if m.bias is None else float(m.bias.detach().abs().max())
            out[tfjs_name] = {"std": float(w.std()), "maxAbs": float(w.abs().max()), "biasMaxAbs": bias}
    return out


def main():
    print(json.dumps({path: kernels(path) for path in sys.argv[1:]}))


if __name__ == "__main__":
    main()
