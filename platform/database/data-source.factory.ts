import { join, resolve } from 'node:path';
import { createConnection } from 'mysql2/promise';
import {
  DataSource,
  type EntityManager,
  type EntitySubscriberInterface,
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
import { encryptedColumnsOf, PersonalInformationSubscriber } from '../crypto/encrypted-column';
import { loadMasterKey, type MasterKeyProvider } from '../crypto/master-key';
import { KEY_TABLE, personalInformationKeys } from '../crypto/personal-information-keys';

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
  /** Wraps the departments' personal-information keys; the development key when not given (never in production). */
  masterKey?: MasterKeyProvider;
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
const SUBSCRIBERS: Array<new () => EntitySubscriberInterface> = [DatabaseWriteTracker, PersonalInformationSubscriber];

/** Opens the subgraph's own schema (MySQL, or embedded SQLite when no MySQL URL is set) and migrates it. */
export async function openDataSource(options: DataSourceOptions): Promise<DataSource> {
  const { settings } = options;
  const common = {
    entities: options.entities,
    migrations: options.migrations,
    subscribers: SUBSCRIBERS,
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
  await loadPersonalInformationKeys(dataSource, options.masterKey ?? loadMasterKey({ file: null, production: false }));
  return dataSource;
}

/** The departments whose encrypted columns the schema's entities hold. */
export function departmentsWithPersonalInformation(dataSource: DataSource): string[] {
  const departments = dataSource.entityMetadatas.flatMap((metadata) =>
    encryptedColumnsOf(metadata).map((column) => column.transformer.options.department),
  );
  return [...new Set(departments)];
}

/** Unwraps (or, in a new schema, makes) the keys of every department with encrypted columns in this schema. */
export async function loadPersonalInformationKeys(dataSource: DataSource, masterKey: MasterKeyProvider): Promise<void> {
  const departments = departmentsWithPersonalInformation(dataSource);
  if (departments.length === 0) return;
  // A spec that migrates only part of the way (migration tests) has no key table yet.
  const queryRunner = dataSource.createQueryRunner();
  try {
    if (!(await queryRunner.hasTable(KEY_TABLE))) return;
  } finally {
    await queryRunner.release();
  }
  for (const department of departments) await personalInformationKeys.load(dataSource, department, masterKey);
}

/**
 * Runs `work` in one transaction: on MySQL on a pooled connection of its own, on the embedded
 * database after this process's other writers (see EmbeddedSqliteDriver). Domain code opens its
 * transactions here.
 */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(work);
}
