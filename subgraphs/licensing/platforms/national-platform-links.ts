import type { Agent } from 'node:http';
import type { DataSource } from 'typeorm';
import type { PlatformConfig } from '../../../platform/config/config';
import type { Logger } from '../../../platform/observability/logger';
import type { LicensingConfig } from '../licensing.config';
import { InvestmentPlatformAdapter } from './investment-platform.adapter';
import type { NationalPlatforms } from './national-platforms';
import { PlatformReportOutbox } from './platform-report.outbox';
import { PlatformReportService } from './platform-report.service';
import { TradingPlatformAdapter } from './trading-platform.adapter';

/** The national platforms as licensing's services hold them: the workflow's interfaces plus the officers' view of reports. */
export interface NationalPlatformLinks extends NationalPlatforms {
  reports: PlatformReportService;
  /** Starts delivering pending reports (the subgraph's background work); returns its stop. */
  startReportRelay(): () => Promise<void>;
}

/**
 * HTTP adapters at INVESTMENT_PLATFORM_URL and TRADING_PLATFORM_URL (PLATFORM_TIMEOUT_MS each request);
 * reports relayed with the outbox's poll interval and backoff cap (OUTBOX_POLL_MS, OUTBOX_MAX_BACKOFF_MS).
 * `agent` serves https:// platform URLs (with internal TLS, licensing's client certificate).
 */
export function createNationalPlatformLinks(
  dataSource: DataSource,
  platforms: LicensingConfig['platforms'],
  events: PlatformConfig['events'],
  logger: Logger,
  agent?: Agent,
): NationalPlatformLinks {
  const investment = new InvestmentPlatformAdapter({
    baseUrl: platforms.investmentUrl,
    timeoutMs: platforms.timeoutMs,
    agent,
  });
  const trading = new TradingPlatformAdapter({
    baseUrl: platforms.tradingUrl,
    timeoutMs: platforms.timeoutMs,
    agent,
  });
  const outbox = new PlatformReportOutbox(
    dataSource,
    investment,
    { pollIntervalMs: events.pollIntervalMs, maxBackoffMs: events.maxBackoffMs },
    logger,
  );
  return {
    investment,
    trading,
    reporter: outbox,
    reports: new PlatformReportService(dataSource),
    startReportRelay: () => {
      outbox.start();
      return () => outbox.stop();
    },
  };
}
