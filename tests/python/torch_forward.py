"""Differential test helper: runs a generated PyTorch script's Model on fixed inputs.

Usage: python3 torch_forward.py JOB.json
JOB: {"script": path, "modelJson": path, "values": [...], "shape": [...]}
Prints {"values": [...], "shape": [...]} of the model output in eval mode.
"""
import importlib.util
import json
import sys

import numpy as np
import torch


def main():
    with open(sys.argv[1]) as f:
        job = json.load(f)
    spec = importlib.util.spec_from_file_location("generated_model", job["script"])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    model = module.Model()
    module.load_tfjs_weights(model, job["modelJson"])
    model.eval()
    x = torch.from_numpy(np.array(job["values"], dtype=np.float32).reshape(job["shape"]))
    with torch.no_grad():
        out = model(x)
    print(json.dumps({"values": out.reshape(-1).tolist(), "shape": list(out.shape)}))


if __name__ == "__main__":
    main()
