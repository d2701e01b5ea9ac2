import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { loadProcessConfig, type PlatformConfig, type SubgraphName } from '../config/config';
import { NO_SETTINGS, type ConfigSection } from '../config/config-section';
import { openDataSource, SQL_STATEMENTS_METRIC } from '../database/data-source.factory';
import { createLogger, type Logger } from '../observability/logger';
import { Counters } from '../observability/metrics';
import type { EventEnvelope } from '../outbox/domain-event';
import { applyEventOnce } from '../outbox/event-inbox';
import { EventOutbox, type EventTransport } from '../outbox/event-outbox';
import { OutboxMessage } from '../outbox/outbox-message.entity';
import { LocalDirectoryFileStore } from '../storage/file-store';
import type { SubgraphDefinition, SubgraphDependencies } from '../subgraph-server';

// For specs only: any subgraph built from its definition, as its process builds it (startSubgraph), on a
// fresh embedded database in a temporary directory. Nothing is served and no background work starts.

export interface TestbedOptions<TExternals> {
  /**
   * Environment variables, read and validated with the platform's and the department's rules exactly as
   * the process reads them (`{ CASE_DECISION_DAYS: '30' }`); `DATA_DIR` is the testbed's directory.
   */
  environment?: Readonly<Record<string, string>>;
  /** Stand-ins for what the services reach outside the process (national platforms, a signer, the clock). */
  externals?: Partial<TExternals>;
  /** Builds the outbox in place of the recording one, e.g. one whose commit fails. */
  createOutbox?(dataSource: DataSource, transport: EventTransport, logger: Logger): EventOutbox;
}

/** A message the outbox recorded for a subscriber; the testbed never delivers it. */
export interface RecordedMessage {
  type: string;
  subscriber: string;
  envelope: EventEnvelope;
}

export interface SubgraphTestbed<TServices, TSettings> {
  dataSource: DataSource;
  services: TServices;
  /** What the services were built with, as startSubgraph hands them over (for seeds and outboxes of a spec's own). */
  dependencies: SubgraphDependencies;
  config: PlatformConfig;
  /** The department's settings as the environment gave them. */
  settings: TSettings;
  /** The file store's root directory, to alter a stored file the way someone with disk access could. */
  filesDirectory: string;
  /** Warnings the services logged, in order. */
  warnings: string[];
  /** SQL statements run so far on this database. */
  statements(): number;
  /** Delivers an event to the subgraph's handlers the way its inbox does: once per event id. */
  deliver(envelope: EventEnvelope): Promise<'applied' | 'duplicate'>;
  /** The messages the outbox holds, oldest first. */
  outboxMessages(): Promise<RecordedMessage[]>;
  /** Closes the database and removes the temporary directory, whatever happens. */
  close(): Promise<void>;
}

/** Specs never start the relay; a transport that throws keeps the outbox honest if anything ever did. */
const UNDELIVERED: EventTransport = {
  deliver: (subscriber: SubgraphName, envelope: EventEnvelope) =>
    Promise.reject(new Error(`not delivering ${envelope.type} to ${subscriber} in a spec`)),
};

/** A logger that keeps quiet below errors and records every warning. */
function recordingLogger(component: string, warnings: string[]): Logger {
  const quiet = createLogger(component, 'error');
  return { ...quiet, warn: (message) => warnings.push(message) };
}

export async function openSubgraphTestbed<TServices, TSettings, TExternals>(
  definition: SubgraphDefinition<TServices, TSettings, TExternals>,
  options: TestbedOptions<TExternals> = {},
): Promise<SubgraphTestbed<TServices, TSettings>> {
  const dataDir = mkdtempSync(join(tmpdir(), `${definition.name}-spec-`));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  let dataSource: DataSource | undefined;
  try {
    // As runSubgraphProcess reads them, from the given environment instead of the process's.
    const own = definition.config ?? (NO_SETTINGS as ConfigSection<unknown> as ConfigSection<TSettings>);
    const { config, settings } = loadProcessConfig({ own }, { ...options.environment, DATA_DIR: dataDir });
    const counters = new Counters();
    const warnings: string[] = [];
    const logger = recordingLogger(`${definition.name}-spec`, warnings);
    const opened = await openDataSource({
      settings: { kind: 'embedded', schema: definition.name, poolSize: 1 },
      dataDir,
      entities: definition.entities,
      migrations: definition.migrations,
      counters,
      logger: createLogger(`${definition.name}-spec`, 'error'),
    });
    dataSource = opened;
    const outbox =
      options.createOutbox?.(opened, UNDELIVERED, logger) ??
      new EventOutbox(
        opened,
        UNDELIVERED,
        { source: definition.name, pollIntervalMs: 60_000, maxBackoffMs: 1 },
        logger,
      );
    const dependencies: SubgraphDependencies = {
      dataSource: opened,
      outbox,
      files: new LocalDirectoryFileStore(config.fileStoreDirectory, definition.name),
      config,
      logger,
    };
    const services = definition.createServices(dependencies, settings.own, options.externals);
    const handlers = definition.eventHandlers?.(services) ?? {};
    return {
      dataSource: opened,
      services,
      dependencies,
      config,
      settings: settings.own,
      filesDirectory: config.fileStoreDirectory,
      warnings,
      statements: () => counters.get(SQL_STATEMENTS_METRIC),
      deliver: (envelope) => applyEventOnce(opened, handlers, envelope),
      outboxMessages: async () => {
        const rows = await opened.getRepository(OutboxMessage).find({ order: { id: 'ASC' } });
        return rows.map((row) => ({
          type: row.eventType,
          subscriber: row.subscriber,
          envelope: JSON.parse(row.envelope) as EventEnvelope,
        }));
      },
      close: async () => {
        try {
          if (opened.isInitialized) await opened.destroy();
        } finally {
          removeDataDir();
        }
      },
    };
  } catch (error) {
    if (dataSource?.isInitialized) await dataSource.destroy();
    removeDataDir();
    throw error;
  }
}

/** The testbed of a subgraph definition: `let testbed: TestbedOf<typeof creditSubgraph>`. */
export type TestbedOf<TDefinition> =
  TDefinition extends SubgraphDefinition<infer TServices, infer TSettings, unknown>
    ? SubgraphTestbed<TServices, TSettings>
    : never;

/** Replaces the running test's testbed with one opened with other options (another setting, say). */
export type ReopenTestbed<TExternals> = (options: TestbedOptions<TExternals>) => Promise<void>;

/**
 * Gives every test of the enclosing describe block a fresh testbed of `definition`: opens one before each test,
 * hands it to `use` (which sets the spec's variables) and closes it after the test. `options` is asked anew for
 * each test, so stand-ins it builds are fresh too. The function returned reopens, handing the new one to `use`.
 */
export function testbedPerTest<TServices, TSettings, TExternals>(
  definition: SubgraphDefinition<TServices, TSettings, TExternals>,
  use: (testbed: SubgraphTestbed<TServices, TSettings>) => void | Promise<void>,
  options: () => TestbedOptions<TExternals> = () => ({}),
): ReopenTestbed<TExternals> {
  let current: SubgraphTestbed<TServices, TSettings> | undefined;
  const open = async (chosen: TestbedOptions<TExternals>) => {
    current = await openSubgraphTestbed(definition, chosen);
    await use(current);
  };
  beforeEach(() => open(options()));
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return async (chosen) => {
    await current?.close();
    await open(chosen);
  };
}
