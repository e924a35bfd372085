/**
 * Python shared by the Keras and PyTorch scripts for the app's remedies: schedule lengths
 * in optimizer steps and what early stopping and reduce-on-plateau watch. Both read the
 * embedded CONFIG, so a script follows the settings it was exported with.
 */
export const TRAINING_COMMON_PY = `def schedule_steps(steps_per_epoch):
    """Decay and warm-up lengths in optimizer steps: the app's epochs x batches per epoch,
    rounded half up as the app does (Python's round() would round halves to even)."""
    decay = max(1, math.floor(CONFIG["lrDecayEpochs"] * steps_per_epoch + 0.5))
    warmup = max(0, math.floor(CONFIG["lrWarmupEpochs"] * steps_per_epoch + 0.5))
    return decay, warmup


def monitor():
    """(Keras log key, mode) that early stopping and reduce-on-plateau watch: the
    validation loss or MAE going down, or the validation accuracy going up."""
    if CONFIG["earlyStoppingMonitor"] == "valLoss":
        return "val_loss", "min"
    if PREPROCESSING["task"] == "regression":
        return "val_mae", "min"
    return "val_accuracy", "max"`;
