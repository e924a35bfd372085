"""Schedule test helper: runs a generated PyTorch script's LearningRate and EarlyStopping.

Usage: python3 torch_schedule.py JOB.json
JOB: a list of {"script": path, "stepsPerEpoch": n, "steps": m, "monitored": [...]}.
For each: the learning rate of batches 0..m-1 ("lrs", stepping the optimizer and then
the schedule as the script's loop does); the learning rate after each epoch's monitored
value ("epochLrs"); and early stopping over the same values, with each epoch's weights
set to the epoch number, so the restored weights name the epoch kept ("stoppedEpoch",
"bestEpoch", "restoredEpoch").
"""
import importlib.util
import json
import sys
import warnings

import torch


def run(case):
    spec = importlib.util.spec_from_file_location("generated_model", case["script"])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    model = module.Model()
    optimizer = module.make_optimizer(model)
    schedule = module.LearningRate(optimizer, case["stepsPerEpoch"])
    lrs = []
    for _ in range(case["steps"]):
        lrs.append(schedule.current())
        optimizer.step()
        schedule.after_batch()
    epoch_lrs = []
    for value in case["monitored"]:
        schedule.after_epoch(value)
        epoch_lrs.append(schedule.current())
    stopper = module.EarlyStopping()
    out = {"lrs": lrs, "epochLrs": epoch_lrs, "stoppedEpoch": 0, "bestEpoch": None, "restoredEpoch": None}
    for epoch, value in enumerate(case["monitored"], start=1):
        with torch.no_grad():
            for p in model.parameters():
                p.fill_(epoch)
        if stopper.update(value, model, epoch):
            out["stoppedEpoch"] = epoch
            out["bestEpoch"] = stopper.best_epoch
            stopper.restore(model)
            out["restoredEpoch"] = next(model.parameters()).reshape(-1)[0].item()
            break
    return out


def main():
    # torch 1.13 warns about SequentialLR's internal step(0) call; it is not ours to fix.
    warnings.filterwarnings("ignore", category=UserWarning)
    with open(sys.argv[1]) as f:
        jobs = json.load(f)
    print(json.dumps([run(case) for case in jobs]))


if __name__ == "__main__":
    main()
