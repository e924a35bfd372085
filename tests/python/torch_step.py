"""Differential test helper: one training step's loss and gradients in a generated PyTorch script.

Usage: python3 torch_step.py JOB.json
JOB: {"script": path, "modelJson": path, "x": [...], "shape": [...], "y": [...]}
Loads the app's weights, computes the script's training_loss (data loss + kernel
penalties) on the batch, back-propagates, and prints {"loss": float, "grads": {layer:
{"kernel": [...], "bias": [...]}}} with each gradient in the TF.js layout, row-major.
"""
import importlib.util
import json
import sys

import numpy as np
import torch
import torch.nn as nn


def tf_layout(module, grad):
    if isinstance(module, nn.Linear):
        return grad.T  # torch (out, in) -> TF (in, out)
    if isinstance(module, (nn.Conv1d, nn.Conv2d, nn.Conv3d)):
        return grad.permute(*range(2, grad.dim()), 1, 0)  # (out, in, *window) -> (*window, in, out)
    raise TypeError(f"no TF layout for {type(module).__name__}")


def main():
    with open(sys.argv[1]) as f:
        job = json.load(f)
    spec = importlib.util.spec_from_file_location("generated_model", job["script"])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    model = module.Model()
    module.load_tfjs_weights(model, job["modelJson"])
    model.train()
    x = torch.from_numpy(np.array(job["x"], dtype=np.float32).reshape(job["shape"]))
    y = torch.tensor(job["y"], dtype=torch.int64)
    loss = module.training_loss(model, x, y)
    loss.backward()
    grads = {}
    for attr, layer in module.TFJS_NAMES.items():
        sub = getattr(model, attr, None)
        if sub is None or not hasattr(sub, "weight"):
            continue
        grads[layer] = {"kernel": tf_layout(sub, sub.weight.grad).reshape(-1).tolist()}
        if sub.bias is not None:
            grads[layer]["bias"] = sub.bias.grad.reshape(-1).tolist()
    print(json.dumps({"loss": loss.item(), "grads": grads}))


if __name__ == "__main__":
    main()
