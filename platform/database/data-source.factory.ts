import { join, resolve } from 'node:path';
import { createConnection } from 'mysql2/promise';
import {
  DataSource,
  type EntityManager,
  type Logger as TypeOrmLogger,
  type MigrationInterface,
  type MixedList,
} from 'typeorm';
import type { DatabaseSettings } from '../config/config';
import type { Logger } from '../observability/logger';
import type { Counters } from '../observability/metrics';
import { inRequest } from '../observability/request-scope';
import { useEmbeddedSqliteDriver } from './embedded-sqlite.driver';
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

/** A TypeORM entity class. */
export type EntityClass = new (...args: never[]) => object;
/** A migration class (`migrations/<subgraph>/`), which TypeORM constructs without arguments. */
export type MigrationClass = new () => MigrationInterface;

export interface DataSourceOptions {
  settings: DatabaseSettings;
  dataDir: string;
  /** The entity and migration classes (a list or a keyed object), handed to TypeORM as they are. */
  entities: MixedList<EntityClass>;
  migrations: MixedList<MigrationClass>;
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
    dataSource = useEmbeddedSqliteDriver(
      new DataSource({
        ...common,
        type: 'better-sqlite3',
        database: join(resolve(options.dataDir), `${settings.schema}.sqlite`),
      }),
    );
  }
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

/**
 * Runs `work` in one transaction: on MySQL on a pooled connection of its own, on the embedded
 * database after this process's other writers (see EmbeddedSqliteDriver). Domain code opens its
 * transactions here.
 */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(work);
}
