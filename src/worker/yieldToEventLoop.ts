/**
 * The worker's one way of letting queued messages (pause, stop, cancel) through during
 * long work: training steps and CSV parsing both await it.
 */

let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

/**
 * Resolves on a fresh macrotask. CPU and WASM reads resolve as microtasks, so without
 * this a worker would never see pause or stop during a run. A MessageChannel is used
 * rather than setTimeout, which browsers clamp to 4 ms when nested.
 */
export function yieldToEventLoop(): Promise<void> {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  const port = channel.port2;
  return new Promise((resolve) => {
    waiting.push(resolve);
    port.postMessage(null);
  });
}
