import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { SubgraphName } from '../../platform/config/config';
import { openDataSource, SQL_STATEMENTS_METRIC } from '../../platform/database/data-source.factory';
import { createLogger } from '../../platform/observability/logger';
import { Counters } from '../../platform/observability/metrics';
import type { EventEnvelope } from '../../platform/outbox/domain-event';
import { EventOutbox, type EventTransport } from '../../platform/outbox/event-outbox';
import { LocalDirectoryFileStore } from '../../platform/storage/file-store';
import type { EnforcementServices } from './enforcement.context';
import { createEnforcementServices } from './enforcement.services';
import { DEFAULT_ENFORCEMENT_SETTINGS, type EnforcementSettings } from './enforcement.settings';
import { enforcementSubgraph } from './enforcement.subgraph';
import { createOverloadServices } from './overload/overload.module';
import type { OverloadSettings } from './overload/overload-record.service';

// For specs only: the enforcement schema migrated on a fresh embedded database in a temporary directory.

/** A subscriber that is never reached: the outbox relay is not started, so messages stay in the table. */
class UndeliveredTransport implements EventTransport {
  async deliver(subscriber: SubgraphName, envelope: EventEnvelope): Promise<void> {
    throw new Error(`not delivering ${envelope.type} to ${subscriber} in a spec`);
  }
}

export interface EnforcementTestbed {
  dataSource: DataSource;
  services: EnforcementServices;
  /** Where the evidence files are kept, to alter one in a spec. */
  filesDirectory: string;
  /** SQL statements run so far on this database. */
  statements(): number;
  close(): Promise<void>;
}

/** The configuration's defaults (OVERLOAD_TOLERANCE_PERCENT, OVERLOAD_JOIN_WINDOW_HOURS). */
export const SPEC_OVERLOAD_SETTINGS: OverloadSettings = { tolerancePercent: 5, joinWindowHours: 24 };

export async function openEnforcementTestbed(
  createOutbox: (dataSource: DataSource, transport: EventTransport) => EventOutbox = (dataSource, transport) =>
    new EventOutbox(
      dataSource,
      transport,
      { source: 'enforcement', pollIntervalMs: 60_000, maxBackoffMs: 1 },
      createLogger('spec', 'error'),
    ),
  settings: EnforcementSettings = DEFAULT_ENFORCEMENT_SETTINGS,
  overloadSettings: OverloadSettings = SPEC_OVERLOAD_SETTINGS,
): Promise<EnforcementTestbed> {
  const dataDir = mkdtempSync(join(tmpdir(), 'enforcement-spec-'));
  const counters = new Counters();
  const dataSource = await openDataSource({
    settings: { kind: 'embedded', schema: 'enforcement', poolSize: 1 },
    dataDir,
    entities: enforcementSubgraph.entities,
    migrations: enforcementSubgraph.migrations,
    counters,
    logger: createLogger('spec', 'error'),
  });
  const outbox = createOutbox(dataSource, new UndeliveredTransport());
  const filesDirectory = join(dataDir, 'files');
  const services = createEnforcementServices(
    dataSource,
    outbox,
    new LocalDirectoryFileStore(filesDirectory, 'enforcement'),
    settings,
  );
  return {
    dataSource,
    services: { ...services, ...createOverloadServices(dataSource, services.cases, overloadSettings) },
    filesDirectory,
    statements: () => counters.get(SQL_STATEMENTS_METRIC),
    close: async () => {
      await dataSource.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
