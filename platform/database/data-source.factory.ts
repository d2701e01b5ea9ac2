import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource, type EntityManager, type Logger as TypeOrmLogger, type MixedList } from 'typeorm';
import type { DatabaseSettings } from '../config/config';
import type { Logger } from '../observability/logger';
import type { Counters } from '../observability/metrics';
import { inRequest } from '../observability/request-scope';
import { DatabaseWriteTracker } from './database-errors';

export const SQL_STATEMENTS_METRIC = 'sql_statements_total';
/** Statements run while serving GraphQL requests: what the N+1 tests and `npm run bench` read. */
export const REQUEST_SQL_STATEMENTS_METRIC = 'graphql_sql_statements_total';

/** Counts every statement, and those run for GraphQL requests apart, and logs failures. */
class CountingSqlLogger implements TypeOrmLogger {
  constructor(
    private readonly counters: Counters,
    private readonly logger: Logger,
  ) {}
  logQuery(query: string): void {
    this.counters.increment(SQL_STATEMENTS_METRIC);
    if (inRequest()) this.counters.increment(REQUEST_SQL_STATEMENTS_METRIC);
    this.logger.debug('sql', { query });
  }
  // TypeORM has already reported the statement to logQuery before it failed.
  logQueryError(error: string | Error, query: string): void {
    this.logger.warn('sql failed', { query, error: error instanceof Error ? error.message : error });
  }
  logQuerySlow(time: number, query: string): void {
    this.logger.warn('slow sql', { query, milliseconds: time });
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.logger.info(message);
  }
  log(): void {}
}

export interface DataSourceOptions {
  settings: DatabaseSettings;
  dataDir: string;
  entities: MixedList<Function>;
  migrations: MixedList<Function>;
  counters: Counters;
  logger: Logger;
}

function quoteIdentifier(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

/**
 * Creates the subgraph's schema when the account may (local runs, CI); in production each schema is
 * created by the DBA and the subgraph's account is granted only its own, so "exists" is enough.
 */
async function ensureMysqlSchema(serverUrl: string, schema: string): Promise<void> {
  const connection = await createConnection(serverUrl);
  try {
    const [rows] = await connection.query('SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [
      schema,
    ]);
    if ((rows as unknown[]).length > 0) return;
    await connection.query(
      `CREATE DATABASE ${quoteIdentifier(schema)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await connection.end();
  }
}

// Tells an outage's error whether the request stored anything (database-errors.ts).
const WRITE_TRACKING: Array<new () => DatabaseWriteTracker> = [DatabaseWriteTracker];

/** Opens the subgraph's own schema (MySQL, or embedded SQLite when no MySQL URL is set) and migrates it. */
export async function openDataSource(options: DataSourceOptions): Promise<DataSource> {
  const { settings } = options;
  const common = {
    entities: options.entities,
    migrations: options.migrations,
    subscribers: WRITE_TRACKING,
    migrationsRun: false,
    synchronize: false,
    logging: true,
    logger: new CountingSqlLogger(options.counters, options.logger),
  } as const;
  let dataSource: DataSource;
  if (settings.kind === 'mysql') {
    if (!settings.serverUrl) throw new Error('MySQL settings without a server URL');
    await ensureMysqlSchema(settings.serverUrl, settings.schema);
    dataSource = new DataSource({
      ...common,
      type: 'mysql',
      url: settings.serverUrl,
      database: settings.schema,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      poolSize: settings.poolSize,
      supportBigNumbers: true,
      bigNumberStrings: false,
    });
  } else {
    mkdirSync(resolve(options.dataDir), { recursive: true });
    const location = join(resolve(options.dataDir), `${settings.schema}.sqlite`);
    dataSource = new DataSource({
      ...common,
      type: 'sqljs',
      location,
      autoSave: true,
      // Written whole to a temporary file and renamed over the old one, so a crash or a reader never
      // sees half a database.
      autoSaveCallback: (bytes: Uint8Array) => {
        writeFileSync(`${location}.saving`, bytes);
        renameSync(`${location}.saving`, location);
      },
    });
  }
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

const embeddedLocks = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs `work` (plain reads and writes, no transaction) between the embedded database's queued
 * transactions, so it never sees another transaction's uncommitted rows on the shared connection.
 * MySQL runs it as is: each statement takes a pooled connection of its own.
 */
export async function outsideTransactions<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'sqljs') return work();
  const previous = embeddedLocks.get(dataSource) ?? Promise.resolve();
  const current = previous.catch(() => undefined).then(work);
  embeddedLocks.set(dataSource, current);
  return current;
}

/**
 * Runs `work` in one transaction. The embedded SQLite has a single connection, so its transactions
 * are queued here instead of interleaving on it; MySQL uses a pooled connection per transaction.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (dataSource.options.type !== 'sqljs') return dataSource.transaction(work);
  const previous = embeddedLocks.get(dataSource) ?? Promise.resolve();
  const current = previous.catch(() => undefined).then(() => dataSource.transaction(work));
  embeddedLocks.set(dataSource, current);
  return current;
}
