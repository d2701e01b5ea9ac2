import type { DataSource } from 'typeorm';
import type { PlatformConfig } from '../../../platform/config/config';
import type { Logger } from '../../../platform/observability/logger';
import type { CreditConfig } from '../credit.config';
import { CreditDeliveryRelay } from './credit-delivery.relay';
import { CreditDeliveryService } from './credit-delivery.service';
import { CreditPlatformOutbox } from './credit-platform.outbox';
import type { CreditChangeSink } from './credit-change';
import { NationalCreditPlatformAdapter } from './national-credit-platform.adapter';
import type { NationalCreditPlatform } from './national-credit-platform';
import { NationalStandingService } from './national-standing.service';

/** The national credit platform as credit's services hold it. */
export interface NationalCreditLinks {
  /** Where credit's changes are recorded for pushing (in the changing transaction). */
  changes: CreditChangeSink;
  /** Officers' view of the pushes. */
  deliveries: CreditDeliveryService;
  /** Subjects' standing on the platform, for creditProfile. */
  standings: NationalStandingService;
  relay: CreditDeliveryRelay;
  /** Starts delivering pending pushes (the subgraph's background work); returns its stop. */
  startRelay(): () => Promise<void>;
}

/**
 * The adapter at CREDIT_PLATFORM_URL (or a stand-in a spec hands in), the push outbox and its relay
 * (OUTBOX_POLL_MS, OUTBOX_MAX_BACKOFF_MS, CREDIT_PLATFORM_CONCURRENCY) and the standing cache.
 */
export function createNationalCreditLinks(
  dataSource: DataSource,
  settings: CreditConfig['nationalPlatform'],
  events: PlatformConfig['events'],
  logger: Logger,
  clock: () => Date = () => new Date(),
  platform?: NationalCreditPlatform,
): NationalCreditLinks {
  const adapter =
    platform ??
    new NationalCreditPlatformAdapter({
      baseUrl: settings.url,
      timeoutMs: settings.timeoutMs,
      authentication: settings.authentication,
      maxSockets: settings.concurrency + 4,
    });
  const relay = new CreditDeliveryRelay(
    dataSource,
    adapter,
    {
      pollIntervalMs: events.pollIntervalMs,
      maxBackoffMs: events.maxBackoffMs,
      concurrency: settings.concurrency,
      requestTimeoutMs: settings.timeoutMs,
    },
    logger,
    clock,
  );
  return {
    changes: new CreditPlatformOutbox(clock, () => relay.kickSoon()),
    deliveries: new CreditDeliveryService(dataSource, clock),
    standings: new NationalStandingService(
      dataSource,
      adapter,
      { ttlMs: settings.standingTtlMs, deadlineMs: settings.standingDeadlineMs },
      logger,
      clock,
    ),
    relay,
    startRelay: () => {
      relay.start();
      return async () => {
        await relay.stop();
        if (adapter instanceof NationalCreditPlatformAdapter) adapter.close();
      };
    },
  };
}
