import type { DataSource } from 'typeorm';
import type { PlatformConfig } from '../../platform/config/config';
import type { Logger } from '../../platform/observability/logger';
import type { ExchangeServices } from './exchange.context';
import { Catalogue } from './catalogue/catalogue';
import { GrantBook } from './grants/grant-book';
import type { OperationLimits } from '../protection/operation-limits';
import { PersistedOperations } from '../protection/persisted-operations';
import { OperationRegistry } from './operations/operation-registry';

export interface RunningExchange {
  services: ExchangeServices;
  /** Stops what the parts run in the background (relays, timers). */
  close(): Promise<void>;
}

/**
 * Builds the data exchange's services on the gateway's database, one per gateway process; every
 * replica shares what they store. Parts that run in the background start here and stop in close().
 */
export function startExchange(options: {
  dataSource: () => DataSource;
  logger: Logger;
  config: PlatformConfig;
  /** The seed operations' directory (`<clientId>/<Name>.graphql`, gateway/persisted-operations). */
  seedOperationsDirectory: string;
  /** The gateway's operation limits, which a registered operation keeps to. */
  limits: OperationLimits;
  /** The supergraph the gateway serves; the catalogue is read from its @catalogue entries. */
  supergraphSdl: string;
}): Promise<RunningExchange> {
  const grants = new GrantBook(options.dataSource);
  const services: ExchangeServices = {
    dataSource: options.dataSource,
    catalogue: Catalogue.fromSupergraph(options.supergraphSdl),
    grants,
    operations: new OperationRegistry({
      dataSource: options.dataSource,
      grants,
      catalogue: () => services.catalogue,
      logger: options.logger,
      seeds: PersistedOperations.load(options.seedOperationsDirectory).all(),
      // The demo clients' seed grants exist outside production only (README, Registering operations).
      seedGrants: options.config.environment !== 'production',
      limits: options.limits,
    }),
  };
  return Promise.resolve({ services, close: () => Promise.resolve() });
}
