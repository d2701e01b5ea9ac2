import type { DataSource } from 'typeorm';
import type { Logger } from '../../../platform/observability/logger';
import type { SafetyConfig } from '../safety.config';
import { NationalSafetyPlatformAdapter } from './national-safety-platform.adapter';
import type { NationalSafetyPlatform } from './national-safety-platform';
import { SafetyDeliveryRelay } from './safety-delivery.relay';
import { SafetyDeliveryService } from './safety-delivery.service';
import { SafetyPlatformOutbox } from './safety-platform.outbox';
import type { SafetyReportSink } from './safety-report';

/** The national safety supervision platform as safety's services hold it. */
export interface NationalSafetyLinks {
  /** Where reports are recorded for sending (in the changing transaction). */
  reports: SafetyReportSink;
  /** Officers' view of the deliveries. */
  deliveries: SafetyDeliveryService;
  relay: SafetyDeliveryRelay;
  /** Starts delivering pending reports (the subgraph's background work); returns its stop. */
  startRelay(): () => Promise<void>;
}

/**
 * The adapter at SAFETY_PLATFORM_URL (or a stand-in a spec hands in), the outbox and its relay
 * (OUTBOX_POLL_MS, SAFETY_PLATFORM_CONCURRENCY, SAFETY_PLATFORM_FIRST_RETRY_MS, SAFETY_PLATFORM_MAX_BACKOFF_MS).
 */
export function createNationalSafetyLinks(
  dataSource: DataSource,
  settings: SafetyConfig['nationalPlatform'],
  pollIntervalMs: number,
  logger: Logger,
  clock: () => Date = () => new Date(),
  platform?: NationalSafetyPlatform,
): NationalSafetyLinks {
  const adapter =
    platform ??
    new NationalSafetyPlatformAdapter({
      baseUrl: settings.url,
      timeoutMs: settings.timeoutMs,
      authentication: settings.authentication,
      maxSockets: settings.concurrency + 1,
    });
  const relay = new SafetyDeliveryRelay(
    dataSource,
    adapter,
    {
      pollIntervalMs,
      maxBackoffMs: settings.maxBackoffMs,
      firstRetryMs: settings.firstRetryMs,
      concurrency: settings.concurrency,
      requestTimeoutMs: settings.timeoutMs,
    },
    logger,
    clock,
  );
  return {
    reports: new SafetyPlatformOutbox(clock, () => relay.kickSoon()),
    deliveries: new SafetyDeliveryService(dataSource, clock),
    relay,
    startRelay: () => {
      relay.start();
      return async () => {
        await relay.stop();
        if (adapter instanceof NationalSafetyPlatformAdapter) adapter.close();
      };
    },
  };
}
