import { createLogger } from '../../../platform/observability/logger';
import type { CreditListService } from './credit-list.service';
import { startListExpiry } from './list-expiry.worker';

// The expiry job must let its process close cleanly: stop waits for a run in progress and starts no other.

describe('the list expiry job', () => {
  it('runs at once, and its stop waits for the run in progress and prevents the next', async () => {
    let runs = 0;
    let finishRun: () => void = () => undefined;
    const lists = {
      removeExpired: () =>
        new Promise<number>((resolve) => {
          runs += 1;
          finishRun = () => resolve(1);
        }),
    } as unknown as CreditListService;
    const stop = startListExpiry(lists, 5, createLogger('credit-spec', 'error'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(runs).toBe(1);
    let stopped = false;
    const stopping = stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    finishRun();
    await stopping;
    expect(stopped).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runs).toBe(1);
  });

  it('keeps running after a failed run', async () => {
    let runs = 0;
    const lists = {
      removeExpired: () => {
        runs += 1;
        return Promise.reject(new Error('database unreachable'));
      },
    } as unknown as CreditListService;
    const stop = startListExpiry(lists, 5, createLogger('credit-spec', 'error'));
    await new Promise((resolve) => setTimeout(resolve, 40));
    await stop();
    expect(runs).toBeGreaterThan(1);
  });
});
