import { describe, expect, it } from 'vitest';
import { CancellableRequests } from './cancellableRequests';

describe('CancellableRequests', () => {
  it('aborts only the request a cancel names', () => {
    const requests = new CancellableRequests();
    const first = requests.begin(1);
    const second = requests.begin(2);
    requests.cancel(1);
    expect(first.aborted).toBe(true);
    expect(second.aborted).toBe(false);
  });

  it('ignores a cancel of an unknown or finished request', () => {
    const requests = new CancellableRequests();
    const current = requests.begin(5);
    requests.cancel(4);
    requests.end(5);
    requests.cancel(5);
    expect(current.aborted).toBe(false);
  });
});
