/**
 * Turns an error thrown while training into a sentence a user can act on. Allocation
 * failures (RangeError: "Array buffer allocation failed", "Invalid typed array length",
 * WebGL/WASM out-of-memory) are the ones a user causes with a too-large batch or model.
 */
export function explainError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const outOfMemory =
    err instanceof RangeError ||
    /allocation failed|out of memory|invalid (typed )?array length|cannot allocate|OOM/i.test(
      message,
    );
  if (outOfMemory) {
    return `The browser ran out of memory (${message}). Use a smaller batch size, fewer units or filters, or a sample of the data.`;
  }
  return message;
}
