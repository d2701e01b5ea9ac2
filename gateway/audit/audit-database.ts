import type { DataSource } from 'typeorm';
import { InitialGateway1764000000000 } from '../../migrations/gateway/1764000000000-initial-gateway';
import type { AppConfig } from '../../subgraphs/kit/config/config';
import { openDataSource } from '../../subgraphs/kit/database/data-source.factory';
import type { Logger } from '../../subgraphs/kit/observability/logger';
import { Counters } from '../../subgraphs/kit/observability/metrics';
import { AuditRecord } from './audit-record.entity';

/** The gateway's own schema, migrated: it holds the audit trail. */
export function openGatewayDatabase(config: AppConfig, logger: Logger): Promise<DataSource> {
  return openDataSource({
    settings: config.gateway.database,
    dataDir: config.dataDir,
    entities: [AuditRecord],
    migrations: [InitialGateway1764000000000],
    counters: new Counters(),
    logger,
  });
}
