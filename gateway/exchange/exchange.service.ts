import type { DataSource } from 'typeorm';
import type { PlatformConfig } from '../../platform/config/config';
import type { Logger } from '../../platform/observability/logger';
import type { ExchangeServices } from './exchange.context';
import { Catalogue } from './catalogue/catalogue';
import { GrantBook } from './grants/grant-book';
import { AccessRequestDesk } from './requests/access-request.service';

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
  /** The supergraph the gateway serves; the catalogue is read from its @catalogue entries. */
  supergraphSdl: string;
}): Promise<RunningExchange> {
  const grants = new GrantBook(options.dataSource);
  const services: ExchangeServices = {
    dataSource: options.dataSource,
    catalogue: Catalogue.fromSupergraph(options.supergraphSdl),
    grants,
    // Reads services.catalogue on every call, so a catalogue replaced later is the one requests see.
    accessRequests: new AccessRequestDesk(options.dataSource, () => services.catalogue, grants),
  };
  return Promise.resolve({ services, close: () => Promise.resolve() });
}
