/**
 * Python shared by the Keras and PyTorch scripts: a binary model's predicted classes at
 * the decision chosen in the app (PREPROCESSING["decision"]), the same "≥ threshold" rule
 * as the app's report.
 */
export const DECISION_PY = `def predict_binary(outputs):
    """Class per row of a binary model's outputs: the positive class when its probability
    reaches the threshold chosen on the validation split in the app, else the other one.
    Without a decision in PREPROCESSING: class 1 at 0.5."""
    decision = PREPROCESSING.get("decision") or {"positive": 1, "threshold": 0.5}
    positive = int(decision["positive"])
    outputs = np.asarray(outputs, dtype=np.float64).reshape(len(outputs), -1)
    if outputs.shape[1] == 1:
        p = outputs[:, 0] if positive == 1 else 1.0 - outputs[:, 0]
    else:
        p = outputs[:, positive]
    return np.where(p >= decision["threshold"], positive, 1 - positive).astype(np.int64)`;
