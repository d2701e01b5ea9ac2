import { describeError, type Logger } from '../../../platform/observability/logger';
import type { CreditListService } from './credit-list.service';

/**
 * The expiry job (期满移出): every `intervalMs`, and at once after start, it removes the entries whose
 * planned removal date has come. Returns its stop, which waits for a run in progress, so the process
 * closes its database only after the run's transactions ended.
 */
export function startListExpiry(lists: CreditListService, intervalMs: number, logger: Logger): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const run = () => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        const removed = await lists.removeExpired(logger);
        if (removed > 0) logger.info('credit list entries expired', { removed });
      } catch (error) {
        // The next run tries again; an outage is logged, not fatal.
        logger.warn('credit list expiry failed', { error: describeError(error) });
      }
    });
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
