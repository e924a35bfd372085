/**
 * The PyTorch script's remedies, with torch 1.13 APIs: the learning-rate schedule as
 * torch schedulers stepped per batch (or ReduceLROnPlateau per epoch) and early stopping
 * as an explicit check in the loop, each matching the Keras callback the app follows.
 */
import { TRAINING_COMMON_PY } from './trainingPy';

export const TORCH_TRAINING = `${TRAINING_COMMON_PY}


class LearningRate:
    """The app's learning-rate schedule on a torch optimizer. Decays run per batch:
    step = StepLR, exponential = ExponentialLR with gamma = factor ** (1 / decay_steps),
    cosine = CosineAnnealingLR held at 0 once it ends (torch's would rise again), after a
    LinearLR warm-up of (k + 1) / warmup_steps through SequentialLR. Reduce-on-plateau is
    ReduceLROnPlateau per epoch, with Keras's patience (torch cuts one epoch later)."""

    def __init__(self, optimizer, steps_per_epoch):
        lr_scheduler = torch.optim.lr_scheduler
        self.optimizer = optimizer
        self.per_batch = None
        self.plateau = None
        self.steps = 0
        self.last_step = None
        kind = CONFIG["lrSchedule"]
        if kind == "plateau":
            self.plateau = lr_scheduler.ReduceLROnPlateau(
                optimizer, mode=monitor()[1], factor=CONFIG["plateauFactor"],
                patience=CONFIG["plateauPatience"] - 1, threshold=CONFIG["earlyStoppingMinDelta"],
                threshold_mode="abs", cooldown=0, min_lr=0.0, eps=0.0)
        if kind not in ("step", "exponential", "cosine"):
            return
        decay_steps, warmup_steps = schedule_steps(steps_per_epoch)
        factor = CONFIG["lrDecayFactor"]
        if kind == "step":
            decay = lr_scheduler.StepLR(optimizer, step_size=decay_steps, gamma=factor)
        elif kind == "exponential":
            decay = lr_scheduler.ExponentialLR(optimizer, gamma=factor ** (1.0 / decay_steps))
        else:
            decay = lr_scheduler.CosineAnnealingLR(optimizer, T_max=decay_steps, eta_min=0.0)
            self.last_step = warmup_steps + decay_steps
        if warmup_steps == 0:
            self.per_batch = decay
            return
        warmup = lr_scheduler.LinearLR(optimizer, start_factor=1.0 / warmup_steps, end_factor=1.0,
                                       total_iters=max(warmup_steps - 1, 1))
        self.per_batch = lr_scheduler.SequentialLR(optimizer, [warmup, decay], milestones=[warmup_steps])

    def after_batch(self):
        self.steps += 1
        if self.per_batch is not None and (self.last_step is None or self.steps <= self.last_step):
            self.per_batch.step()

    def after_epoch(self, monitored):
        if self.plateau is not None and monitored is not None:
            self.plateau.step(monitored)

    def current(self):
        return self.optimizer.param_groups[0]["lr"]


class EarlyStopping:
    """Keras EarlyStopping(monitor, min_delta, patience, restore_best_weights): stops after
    \`patience\` epochs without an improvement larger than min_delta, and then puts back
    the weights (a state_dict copy, BatchNorm statistics included) of the best epoch."""

    def __init__(self):
        self.mode = monitor()[1]
        self.best = math.inf if self.mode == "min" else -math.inf
        self.best_epoch = 0
        self.best_state = None
        self.wait = 0
        self.stopped_epoch = 0

    def update(self, value, model, epoch):
        """Takes one epoch's monitored value; True when training should stop."""
        delta = CONFIG["earlyStoppingMinDelta"]
        better = value < self.best - delta if self.mode == "min" else value > self.best + delta
        self.wait += 1
        if better:
            self.best, self.best_epoch, self.wait = value, epoch, 0
            if CONFIG["restoreBestWeights"]:
                self.best_state = copy.deepcopy(model.state_dict())
            return False
        if self.wait >= CONFIG["earlyStoppingPatience"]:
            self.stopped_epoch = epoch
            return True
        return False

    def restore(self, model):
        """After a stop, loads the best epoch's weights; returns the epoch kept."""
        if self.stopped_epoch and self.best_state is not None:
            model.load_state_dict(self.best_state)
            return self.best_epoch
        return self.stopped_epoch`;
