import type { DataSource } from 'typeorm';
import type { PlatformConfig, SubgraphName } from '../../platform/config/config';
import { internalAgent } from '../../platform/http/internal-tls';
import type { Logger } from '../../platform/observability/logger';
import { HttpEventHistorySource, type EventHistorySource } from '../../platform/outbox/event-history';
import type { ExchangeServices } from './exchange.context';
import { Catalogue } from './catalogue/catalogue';
import type { PartnerDirectorySettings } from '../gateway.config';
import { REALM_FILE } from '../../auth/demo-realm';
import { Realm } from '../../auth/idp/realm';
import { seedCategoriesFromRealm, startGrantDirectorySync } from './directory/directory.start';
import { GrantBook } from './grants/grant-book';
import { AccessRequestDesk } from './requests/access-request.service';
import { feedSourcesNeeded, NotificationFeed } from './notifications/notification-feed';
import { NotificationRelay, type NotificationSettings } from './notifications/notification-relay';
import { NotificationSubscriptions } from './notifications/notification-subscriptions';
import type { OperationLimits } from '../protection/operation-limits';
import { PersistedOperations } from '../protection/persisted-operations';
import { OperationRegistry } from './operations/operation-registry';

export interface RunningExchange {
  services: ExchangeServices;
  /** Delivers partners' notifications (started here, stopped by close). */
  notificationRelay: NotificationRelay;
  /** Stops what the parts run in the background (relays, timers). */
  close(): Promise<void>;
}

/** The departments' signed event histories over HTTP (platform/outbox/event-history.ts). */
export function httpEventHistories(config: PlatformConfig): (source: SubgraphName) => EventHistorySource {
  const agent = internalAgent(config.tls.internal, { keepAlive: true });
  return (source) =>
    new HttpEventHistorySource(source, config.subgraphs[source].url, config.events.secret, agent, 30_000);
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
  notifications: NotificationSettings;
  /** Where the departments' event histories are read; over HTTP unless given. */
  histories?: (source: SubgraphName) => EventHistorySource;
  /** The identity provider's admin client for the grant sync; null or absent: grants stay in the gateway. */
  directory?: PartnerDirectorySettings | null;
}): Promise<RunningExchange> {
  const grants = new GrantBook(options.dataSource);
  // Read once: seed grants and the grant sync both keep to the categories the realm file gives a client.
  const seedCategories = seedCategoriesFromRealm(Realm.fromFile(REALM_FILE));
  const services: ExchangeServices = {
    dataSource: options.dataSource,
    catalogue: Catalogue.fromSupergraph(options.supergraphSdl),
    grants,
    // Reads services.catalogue on every call, so a catalogue replaced later is the one requests see.
    accessRequests: new AccessRequestDesk(options.dataSource, () => services.catalogue, grants),
    notifications: new NotificationSubscriptions(options.dataSource, grants, options.notifications.rules),
    operations: new OperationRegistry({
      dataSource: options.dataSource,
      grants,
      catalogue: () => services.catalogue,
      logger: options.logger,
      seeds: PersistedOperations.load(options.seedOperationsDirectory).all(),
      // The demo clients' seed grants exist outside production only (README, Registering operations).
      seedGrants: options.config.environment !== 'production',
      seedCategories,
      limits: options.limits,
    }),
  };
  const histories = options.histories ?? httpEventHistories(options.config);
  const feed = new NotificationFeed(
    options.dataSource,
    feedSourcesNeeded().map((needed) => ({ ...needed, history: histories(needed.source) })),
  );
  const notificationRelay = new NotificationRelay(
    options.dataSource,
    feed,
    grants,
    options.notifications,
    options.logger,
  );
  notificationRelay.start();
  // Grants become the partner clients' category:* scopes in the identity provider (授权同步).
  const directorySync = options.directory
    ? startGrantDirectorySync({
        issuer: options.config.oidc.issuer,
        settings: options.directory,
        grants: services.grants,
        seedCategories,
        logger: options.logger,
      })
    : null;
  return Promise.resolve({
    services,
    notificationRelay,
    close: async () => {
      await notificationRelay.stop();
      await directorySync?.close();
    },
  });
}
