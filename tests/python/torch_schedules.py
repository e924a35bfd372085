"""Differential test helper: torch's learning-rate schedulers and clip_grad_norm_.

Usage: python3 torch_schedules.py JOB.json
JOB: {"decay": [{"kind", "base", "factor", "decaySteps", "warmupSteps", "steps"}],
      "plateau": [{"mode", "base", "factor", "patience", "minDelta", "values"}],
      "clip": {"grads": [[...]], "shapes": [[...]], "maxNorm": n}}
Prints {"decay": [[lr per step]], "plateau": [[lr per epoch]], "clip": [[...]]}: the rate
of each optimizer step (or epoch) as torch's schedulers set it, built as the app's
PyTorch export must build them to match the app (src/core/train/schedules.ts).
"""
import json
import sys
import warnings

import torch
from torch.optim import lr_scheduler as S

# SequentialLR calls step(0) on each scheduler at its milestone (deprecated in 1.13).
warnings.filterwarnings("ignore", category=UserWarning)


def decay_scheduler(opt, job):
    """The decay schedule of the app, after any warm-up."""
    kind, d = job["kind"], job["decaySteps"]
    if kind == "step":
        return S.StepLR(opt, step_size=d, gamma=job["factor"])
    if kind == "exponential":
        # factor^(s / decaySteps), one step at a time.
        return S.ExponentialLR(opt, gamma=job["factor"] ** (1.0 / d))
    if kind == "cosine":
        raise ValueError("cosine is built in scheduler()")
    raise ValueError(kind)


def scheduler(opt, job):
    w, d = job["warmupSteps"], job["decaySteps"]
    parts, milestones = [], []
    if w > 0:
        # (step + 1) / W over the first W steps: 1/W at step 0, 1 at step W - 1.
        parts.append(S.LinearLR(opt, start_factor=1.0 / w, end_factor=1.0, total_iters=w - 1))
        milestones.append(w)
    if job["kind"] == "cosine":
        parts.append(S.CosineAnnealingLR(opt, T_max=d, eta_min=0.0))
        # torch's cosine rises again after T_max; the app (and Keras) stays at 0.
        parts.append(S.LambdaLR(opt, lambda _: 0.0))
        milestones.append(w + d)
    else:
        parts.append(decay_scheduler(opt, job))
    if len(parts) == 1:
        return parts[0]
    return S.SequentialLR(opt, schedulers=parts, milestones=milestones)


def decay_rates(job):
    p = torch.nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([p], lr=job["base"])
    sched = scheduler(opt, job)
    rates = []
    for _ in range(job["steps"]):
        rates.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return rates


def plateau_rates(job):
    p = torch.nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([p], lr=job["base"])
    # Keras reduces after `patience` epochs without improvement, torch after patience + 1;
    # eps=0 because Keras has no minimal decay.
    sched = S.ReduceLROnPlateau(
        opt,
        mode=job["mode"],
        factor=job["factor"],
        patience=job["patience"] - 1,
        threshold=job["minDelta"],
        threshold_mode="abs",
        cooldown=0,
        min_lr=0.0,
        eps=0.0,
    )
    rates = []
    for value in job["values"]:
        rates.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step(float("nan") if value is None else value)
    return rates


def clipped(job):
    params = []
    for values, shape in zip(job["grads"], job["shapes"]):
        p = torch.nn.Parameter(torch.zeros(shape))
        p.grad = torch.tensor(values, dtype=torch.float32).reshape(shape)
        params.append(p)
    torch.nn.utils.clip_grad_norm_(params, job["maxNorm"])
    return [p.grad.reshape(-1).tolist() for p in params]


def main():
    with open(sys.argv[1]) as f:
        job = json.load(f)
    print(
        json.dumps(
            {
                "decay": [decay_rates(j) for j in job["decay"]],
                "plateau": [plateau_rates(j) for j in job["plateau"]],
                "clip": clipped(job["clip"]),
            }
        )
    )


if __name__ == "__main__":
    main()
