import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type DatabaseSettings } from '../../../platform/config/config';
import { openDataSource } from '../../../platform/database/data-source.factory';
import { createLogger } from '../../../platform/observability/logger';
import { Counters } from '../../../platform/observability/metrics';
import { EventOutbox, type EventTransport } from '../../../platform/outbox/event-outbox';
import { LocalDirectoryFileStore } from '../../../platform/storage/file-store';
import type { SubgraphDependencies } from '../../../platform/subgraph-server';
import type { SafetyServices } from '../safety.context';
import { safetySubgraph } from '../safety.subgraph';

export interface SafetyTestDatabase extends SubgraphDependencies {
  services: SafetyServices;
  counters: Counters;
}

// Specs never start the relay, so nothing is delivered: outbox rows stay where a test can read them.
const UNUSED_TRANSPORT: EventTransport = {
  deliver: async () => {
    throw new Error('specs do not deliver events');
  },
};

/**
 * Opens and migrates the safety schema as the running subgraph does (embedded SQLite in a fresh
 * temporary directory unless MySQL settings are given) and builds its services.
 */
export async function openSafetyTestDatabase(settings?: DatabaseSettings): Promise<SafetyTestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'safety-spec-'));
  const config = loadConfig({ DATA_DIR: dataDir });
  const logger = createLogger('safety-spec', 'error');
  const counters = new Counters();
  const dataSource = await openDataSource({
    settings: settings ?? { kind: 'embedded', schema: 'safety', poolSize: 1 },
    dataDir,
    entities: safetySubgraph.entities,
    migrations: safetySubgraph.migrations,
    counters,
    logger,
  });
  const outbox = new EventOutbox(
    dataSource,
    UNUSED_TRANSPORT,
    { source: 'safety', pollIntervalMs: 60_000, maxBackoffMs: 60_000 },
    logger,
  );
  const dependencies: SubgraphDependencies = {
    dataSource,
    outbox,
    files: new LocalDirectoryFileStore(config.fileStoreDirectory, 'safety'),
    config,
    logger,
  };
  return { ...dependencies, counters, services: safetySubgraph.createServices(dependencies) };
}
