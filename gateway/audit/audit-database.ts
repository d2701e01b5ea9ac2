import type { DataSource } from 'typeorm';
import { InitialGateway1764000000000 } from '../../migrations/gateway/1764000000000-initial-gateway';
import { AuditSignedCheckpoint1764600000000 } from '../../migrations/gateway/1764600000000-audit-signed-checkpoint';
import { DataGrant1766700000000 } from '../../migrations/gateway/1766700000000-data-grant';
import { DataAccessRequest1766710000000 } from '../../migrations/gateway/1766710000000-data-access-request';
import { Notification1766730000000 } from '../../migrations/gateway/1766730000000-notification';
import { RegisteredOperation1766720000000 } from '../../migrations/gateway/1766720000000-registered-operation';
import type { PlatformConfig } from '../../platform/config/config';
import { openDataSource } from '../../platform/database/data-source.factory';
import { describeError, type Logger } from '../../platform/observability/logger';
import { Counters } from '../../platform/observability/metrics';
import { retryBackoffMs } from '../../platform/outbox/polling-relay';
import { AuditRecord } from './audit-record.entity';
import { AuditSignedCheckpoint } from './audit-signed-checkpoint.entity';
import { DataGrant } from '../exchange/grants/data-grant.entity';
import { DataAccessItem } from '../exchange/requests/data-access-item.entity';
import { DataAccessRequest } from '../exchange/requests/data-access-request.entity';

import { NotificationCursor } from '../exchange/notifications/notification-cursor.entity';
import { NotificationDelivery } from '../exchange/notifications/notification-delivery.entity';
import { NotificationSubscription } from '../exchange/notifications/notification-subscription.entity';
import { RegisteredOperation } from '../exchange/operations/registered-operation.entity';

/** The gateway schema's tables and their migrations, in order: the audit trail, then the data exchange. */
export const GATEWAY_ENTITIES = [
  AuditRecord,
  AuditSignedCheckpoint,
  DataGrant,
  DataAccessRequest,
  DataAccessItem,
  NotificationSubscription,
  NotificationDelivery,
  NotificationCursor,
  RegisteredOperation,
];
export const GATEWAY_MIGRATIONS = [
  InitialGateway1764000000000,
  AuditSignedCheckpoint1764600000000,
  DataGrant1766700000000,
  DataAccessRequest1766710000000,
  RegisteredOperation1766720000000,
  Notification1766730000000,
];

/** The gateway's own schema, migrated: the audit trail and its signed checkpoints, the data exchange's tables. */
export function openGatewayDatabase(config: PlatformConfig, logger: Logger): Promise<DataSource> {
  return openDataSource({
    settings: config.gateway.database,
    dataDir: config.dataDir,
    entities: GATEWAY_ENTITIES,
    migrations: GATEWAY_MIGRATIONS,
    counters: new Counters(),
    logger,
  });
}

const FIRST_BACKOFF_MS = 500;

/** What `current()` throws while the database has not been reached: an outage, as the driver reported it. */
export class GatewayDatabaseUnavailable extends Error {
  constructor(cause: unknown) {
    super('the audit trail database is not reachable yet', { cause });
  }
}

/**
 * The gateway's database, opened in the background: the gateway starts and answers (its records wait in
 * the audit journal) while the database is down, and keeps trying to reach it with backoff until it does.
 */
export class GatewayDatabase {
  private dataSource: DataSource | null = null;
  // Set by the first attempt, which start() awaits before anyone can ask for the database.
  private lastError: unknown = null;
  private closed = false;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;

  private constructor(
    private readonly open: () => Promise<DataSource>,
    private readonly logger: Logger,
    private readonly maxBackoffMs: number,
  ) {}

  /** Starts opening; resolves once the first attempt has settled (either way). */
  static async start(
    config: PlatformConfig,
    logger: Logger,
    options: { maxBackoffMs?: number; open?: () => Promise<DataSource> } = {},
  ): Promise<GatewayDatabase> {
    const database = new GatewayDatabase(
      options.open ?? (() => openGatewayDatabase(config, logger)),
      logger,
      options.maxBackoffMs ?? 10_000,
    );
    await database.attempt();
    return database;
  }

  private async attempt(): Promise<void> {
    if (this.closed) return;
    try {
      const dataSource = await this.open();
      if (this.closed) await dataSource.destroy();
      else this.dataSource = dataSource;
    } catch (error) {
      this.lastError = error;
      this.failures += 1;
      if (this.failures === 1) {
        this.logger.error('audit trail database unavailable at start: answering, records wait in the journal', {
          ...describeError(error),
        });
      }
      const backoffMs = retryBackoffMs(this.failures, Math.min(FIRST_BACKOFF_MS, this.maxBackoffMs), this.maxBackoffMs);
      this.timer = setTimeout(() => void this.attempt(), backoffMs);
      this.timer.unref();
    }
  }

  /** The open database; throws GatewayDatabaseUnavailable (an outage, retryable) until it is reached. */
  current(): DataSource {
    if (this.dataSource) return this.dataSource;
    throw new GatewayDatabaseUnavailable(this.lastError);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.dataSource?.destroy();
    this.dataSource = null;
  }
}
