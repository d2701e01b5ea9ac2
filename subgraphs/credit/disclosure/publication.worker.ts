import { describeError, type Logger } from '../../../platform/observability/logger';
import type { CreditDisclosureService } from './credit-disclosure.service';

/**
 * The publication job (双公示): every `intervalMs` it publishes the disclosures due and ends the displays
 * whose maximum period is over, at once after start
 * too, so a decision is public by the next run and one that waited while credit was down goes out
 * first thing. Returns its stop, which waits for a run in progress.
 */
export function startDisclosurePublication(
  disclosures: CreditDisclosureService,
  intervalMs: number,
  logger: Logger,
): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running.then(async () => {
      try {
        const published = await disclosures.publishDue();
        if (published > 0) logger.info('credit disclosures published', { published });
        // What could not be published by its deadline (no name yet) is told to statistics as overdue.
        const overdue = await disclosures.reportOverdue();
        if (overdue > 0) logger.info('overdue credit disclosures reported', { overdue });
        // Displays at the end of their maximum period end by themselves (公示期满).
        const ended = await disclosures.endDueDisplays();
        if (ended > 0) logger.info('credit disclosure displays ended', { ended });
      } catch (error) {
        // The next run tries again; an outage is logged, not fatal.
        logger.warn('credit disclosure publication failed', { error: describeError(error) });
      }
    });
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
