import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { Identity } from '../../platform/auth/identity';
import { openDataSource, SQL_STATEMENTS_METRIC } from '../../platform/database/data-source.factory';
import { createLogger } from '../../platform/observability/logger';
import { Counters } from '../../platform/observability/metrics';
import type { EventEnvelope, EventPayloads } from '../../platform/outbox/domain-event';
import { applyEventOnce } from '../../platform/outbox/event-inbox';
import { EventOutbox, type EventTransport } from '../../platform/outbox/event-outbox';
import { LocalDirectoryFileStore } from '../../platform/storage/file-store';
import type { SubgraphDependencies } from '../../platform/subgraph-server';
import { loadConfig } from '../../platform/config/config';
import type { CreditServices } from './credit.context';
import { creditSubgraph } from './credit.subgraph';

// For specs only: the credit schema migrated on a fresh embedded database in a temporary directory.

/** Credit publishes no events; a transport that is never reached keeps the outbox honest if it ever did. */
class UndeliveredTransport implements EventTransport {
  async deliver(): Promise<void> {
    throw new Error('not delivering events in a spec');
  }
}

export interface CreditTestbed {
  dataSource: DataSource;
  services: CreditServices;
  dependencies: SubgraphDependencies;
  /** SQL statements run so far on this database. */
  statements(): number;
  /** Delivers an event to the subgraph's handlers the way the inbox does: once per event id. */
  deliver(envelope: EventEnvelope): Promise<'applied' | 'duplicate'>;
  close(): Promise<void>;
}

export async function openCreditTestbed(): Promise<CreditTestbed> {
  const dataDir = mkdtempSync(join(tmpdir(), 'credit-spec-'));
  const counters = new Counters();
  const logger = createLogger('spec', 'error');
  const dataSource = await openDataSource({
    settings: { kind: 'embedded', schema: 'credit', poolSize: 1 },
    dataDir,
    entities: creditSubgraph.entities,
    migrations: creditSubgraph.migrations,
    counters,
    logger,
  });
  const outbox = new EventOutbox(
    dataSource,
    new UndeliveredTransport(),
    { source: 'credit', pollIntervalMs: 60_000, maxBackoffMs: 1 },
    logger,
  );
  const config = loadConfig({ DATA_DIR: dataDir });
  const dependencies: SubgraphDependencies = {
    dataSource,
    outbox,
    files: new LocalDirectoryFileStore(config.fileStoreDirectory, 'credit'),
    config,
    logger,
  };
  const services = creditSubgraph.createServices(dependencies);
  const handlers = creditSubgraph.eventHandlers!(services);
  return {
    dataSource,
    services,
    dependencies,
    statements: () => counters.get(SQL_STATEMENTS_METRIC),
    deliver: (envelope) => applyEventOnce(dataSource, handlers, envelope),
    close: async () => {
      await dataSource.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A `case.decided` envelope as enforcement publishes it, with a fresh event id unless one is given. */
export function caseDecided(
  payload: Partial<EventPayloads['case.decided']> = {},
  id: string = randomUUID(),
): EventEnvelope<'case.decided'> {
  return {
    id,
    type: 'case.decided',
    source: 'enforcement',
    occurredAt: new Date().toISOString(),
    payload: {
      caseNumber: '3201022026000001',
      regionCode: '320102',
      creditCode: '91320102MA1MY0R10Q',
      plateNumber: null,
      permitNumber: null,
      penalty: 'FINE',
      fineFen: 500_000,
      summary: '责令改正，处罚款人民币伍仟元。',
      decidedAt: '2026-03-02T06:00:00.000Z',
      ...payload,
    },
  };
}

export function identity(username: string, region: string, ...roles: string[]): Identity {
  return {
    subject: username,
    username,
    clientId: 'single-window-cli',
    roles: new Set(roles),
    region,
    department: null,
    serviceAccount: false,
    scopes: new Set(),
  };
}
