import type { Logger } from '../../../platform/observability/logger';
import type { ExternalVerificationService } from './external-verification.service';

/**
 * Re-checks applications waiting for a national platform every `intervalMs` (PLATFORM_RECHECK_MS), one
 * round at a time. Returns the stop function, which waits for a round in progress.
 */
export function startExternalVerificationRechecks(
  verification: ExternalVerificationService,
  intervalMs: number,
  logger: Logger,
): () => Promise<void> {
  let round: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (round) return;
    round = verification
      .recheckExternalVerifications()
      .then(({ checked, moved }) => {
        if (moved > 0) logger.info('applications moved on after a national platform answered', { checked, moved });
        else if (checked > 0) logger.debug('applications still wait for a national platform', { checked });
      })
      .catch((error: unknown) =>
        logger.warn('external verification round failed', {
          error: error instanceof Error ? error.message : String(error),
        }),
      )
      .finally(() => {
        round = null;
      });
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await round;
  };
}
