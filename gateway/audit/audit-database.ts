import type { DataSource } from 'typeorm';
import { InitialGateway1764000000000 } from '../../migrations/gateway/1764000000000-initial-gateway';
import type { PlatformConfig } from '../../platform/config/config';
import { openDataSource } from '../../platform/database/data-source.factory';
import type { Logger } from '../../platform/observability/logger';
import { Counters } from '../../platform/observability/metrics';
import { AuditRecord } from './audit-record.entity';

/** The gateway's own schema, migrated: it holds the audit trail. */
export function openGatewayDatabase(config: PlatformConfig, logger: Logger): Promise<DataSource> {
  return openDataSource({
    settings: config.gateway.database,
    dataDir: config.dataDir,
    entities: [AuditRecord],
    migrations: [InitialGateway1764000000000],
    counters: new Counters(),
    logger,
  });
}
