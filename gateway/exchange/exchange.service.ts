import type { DataSource } from 'typeorm';
import type { PlatformConfig } from '../../platform/config/config';
import type { Logger } from '../../platform/observability/logger';
import type { ExchangeServices } from './exchange.context';
import { Catalogue } from './catalogue/catalogue';
import type { PartnerDirectorySettings } from '../gateway.config';
import { startGrantDirectorySync } from './directory/directory.start';
import { GrantBook } from './grants/grant-book';

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
  /** The identity provider's admin client for the grant sync; null or absent: grants stay in the gateway. */
  directory?: PartnerDirectorySettings | null;
}): Promise<RunningExchange> {
  const services: ExchangeServices = {
    dataSource: options.dataSource,
    // Read from the supergraph's @catalogue annotations (gateway/exchange/catalogue, issue 17 part 1).
    catalogue: new Catalogue([]),
    grants: new GrantBook(options.dataSource),
  };
  // Grants become the partner clients' category:* scopes in the identity provider (授权同步).
  const directorySync = options.directory
    ? startGrantDirectorySync({
        issuer: options.config.oidc.issuer,
        settings: options.directory,
        grants: services.grants,
        logger: options.logger,
      })
    : null;
  return Promise.resolve({
    services,
    close: async () => {
      await directorySync?.close();
    },
  });
}
