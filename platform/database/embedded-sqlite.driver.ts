import { dirname } from 'node:path';
import { E_TIMEOUT, Mutex, withTimeout, type MutexInterface } from 'async-mutex';
import Sqlite, { type Database as Connection, type Statement } from 'better-sqlite3';
import { QueryFailedError, type DataSource, type ObjectLiteral, type QueryRunner } from 'typeorm';
import { BetterSqlite3Driver } from 'typeorm/driver/better-sqlite3/BetterSqlite3Driver';
import { BetterSqlite3QueryRunner } from 'typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner';
import { NamedPlaceholdersNotSupportedError } from 'typeorm/error/NamedPlaceholdersNotSupportedError';
import { QueryRunnerAlreadyReleasedError } from 'typeorm/error/QueryRunnerAlreadyReleasedError';
import { QueryResult } from 'typeorm/query-runner/QueryResult';
import { BroadcasterResult } from 'typeorm/subscriber/BroadcasterResult';

/**
 * How long a writer waits for another to finish, in this process (the writer lock) and across
 * processes (SQLite's busy_timeout), before its statement fails with SQLITE_BUSY.
 */
export const EMBEDDED_BUSY_TIMEOUT_MS = 15_000;

const STATEMENT_CACHE_SIZE = 100;

function busyError(): Error {
  return Object.assign(
    new Error(`SQLITE_BUSY: the embedded database stayed busy with another writer for ${EMBEDDED_BUSY_TIMEOUT_MS} ms`),
    { code: 'SQLITE_BUSY' },
  );
}

/**
 * The embedded database: one SQLite file in WAL mode, read and written through better-sqlite3.
 *
 * TypeORM's own better-sqlite3 driver runs everything on one connection and one shared query runner,
 * and nests a second `transaction()` that starts while the first awaits as a SAVEPOINT inside it: two
 * requests' transactions interleave, and a plain read sees another request's uncommitted rows. This
 * driver gives each caller its own query runner over two connections instead:
 * - a read-only connection for statements outside transactions: in WAL mode it reads the last
 *   committed state and never waits for a writer;
 * - a writer connection for transactions (BEGIN IMMEDIATE, so the file's write lock is taken up
 *   front and another process's writer is waited for with busy_timeout instead of failing mid-way)
 *   and for single writes outside them.
 * better-sqlite3 is synchronous, so a second in-process writer blocked in SQLite's busy wait would
 * block the event loop and with it the transaction it waits for. In-process writers therefore queue
 * on one async lock (first come, first served), held from BEGIN to COMMIT or ROLLBACK: the one place
 * the embedded database is serialised. SQLite itself serialises writers of different processes.
 */
export class EmbeddedSqliteDriver extends BetterSqlite3Driver {
  /** The connection every write and transaction runs on; `databaseConnection` is the read-only one. */
  writer: Connection;
  private readonly writerLock: MutexInterface = withTimeout(new Mutex(), EMBEDDED_BUSY_TIMEOUT_MS);
  private readonly statements = new Map<Connection, Map<string, Statement>>();

  constructor(dataSource: DataSource) {
    super(dataSource);
    if (this.options.database === ':memory:') {
      // Two connections to ':memory:' would be two databases.
      throw new Error('The embedded database needs a file; use a temporary directory for throwaway databases');
    }
  }

  protected override async createDatabaseConnection(): Promise<Connection> {
    const file = this.options.database;
    await this.createDatabaseDirectory(dirname(file));
    const writer = new Sqlite(file, { timeout: EMBEDDED_BUSY_TIMEOUT_MS });
    writer.pragma('journal_mode = WAL');
    // NORMAL: a commit is in the log before it returns, so a crashed process loses none; only a power
    // cut or OS crash may lose the last ones (never consistency). FULL would fsync every commit: about
    // 10 ms each on the development machine's disk against 0.2 ms.
    writer.pragma('synchronous = NORMAL');
    writer.pragma('foreign_keys = ON');
    this.writer = writer;
    return new Sqlite(file, { readonly: true, timeout: EMBEDDED_BUSY_TIMEOUT_MS });
  }

  override disconnect(): Promise<void> {
    const reader = this.databaseConnection as Connection;
    this.statements.clear();
    reader.close();
    // The writer last: closing the last connection checkpoints the write-ahead log into the file.
    this.writer.close();
    return Promise.resolve();
  }

  override createQueryRunner(): QueryRunner {
    return new EmbeddedSqliteQueryRunner(this);
  }

  /** Waits for this process's other writers; the returned function lets the next one in. */
  async acquireWriter(): Promise<() => void> {
    try {
      return await this.writerLock.acquire();
    } catch (error) {
      throw error === E_TIMEOUT ? busyError() : error;
    }
  }

  /** A prepared statement of `connection`, kept for reuse like TypeORM's own per-runner cache. */
  statement(connection: Connection, sql: string): Statement {
    let cache = this.statements.get(connection);
    if (!cache) {
      cache = new Map();
      this.statements.set(connection, cache);
    }
    let statement = cache.get(sql);
    if (!statement) {
      statement = connection.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > (this.options.statementCacheSize ?? STATEMENT_CACHE_SIZE)) {
        cache.delete(cache.keys().next().value as string);
      }
    }
    return statement;
  }
}

/** One caller's view of the embedded database: see EmbeddedSqliteDriver. */
class EmbeddedSqliteQueryRunner extends BetterSqlite3QueryRunner {
  declare driver: EmbeddedSqliteDriver;
  private releaseWriter: (() => void) | null = null;

  constructor(driver: EmbeddedSqliteDriver) {
    super(driver);
  }

  override connect(): Promise<Connection> {
    return Promise.resolve(this.releaseWriter ? this.driver.writer : (this.driver.databaseConnection as Connection));
  }

  override async startTransaction(isolationLevel?: Parameters<QueryRunner['startTransaction']>[0]): Promise<void> {
    if (this.transactionDepth > 0) return super.startTransaction(isolationLevel);
    try {
      this.releaseWriter = await this.driver.acquireWriter();
    } catch (error) {
      throw new QueryFailedError('BEGIN IMMEDIATE TRANSACTION', [], error as Error);
    }
    try {
      await super.startTransaction(isolationLevel);
    } catch (error) {
      this.endWriting();
      throw error;
    }
  }

  override async commitTransaction(): Promise<void> {
    await super.commitTransaction();
    if (this.transactionDepth === 0) this.endWriting();
  }

  override async rollbackTransaction(): Promise<void> {
    try {
      await super.rollbackTransaction();
    } finally {
      // SQLite rolls a transaction back by itself after some failures; then ROLLBACK fails, and it is over too.
      if (this.transactionDepth === 0 || !this.driver.writer.inTransaction) this.endWriting();
    }
  }

  override async release(): Promise<void> {
    // A transaction left open must not keep the database locked.
    if (this.releaseWriter) {
      if (this.driver.writer.inTransaction) this.driver.writer.exec('ROLLBACK');
      this.endWriting();
    }
    this.isReleased = true;
    return super.release();
  }

  // Migrations run on the writer; PRAGMA foreign_keys applies per connection and only outside a transaction.
  override beforeMigration(): Promise<void> {
    this.driver.writer.pragma('foreign_keys = OFF');
    return Promise.resolve();
  }

  override afterMigration(): Promise<void> {
    this.driver.writer.pragma('foreign_keys = ON');
    return Promise.resolve();
  }

  /** TypeORM's better-sqlite3 `query`, choosing the connection per statement and queueing writes. */
  override async query(
    query: string,
    parameters: unknown[] | ObjectLiteral = [],
    useStructuredResult = false,
  ): ReturnType<BetterSqlite3QueryRunner['query']> {
    if (this.isReleased) throw new QueryRunnerAlreadyReleasedError();
    if (!Array.isArray(parameters)) throw new NamedPlaceholdersNotSupportedError();
    // better-sqlite3 cannot bind booleans.
    const values = parameters.map((value: unknown) => (typeof value === 'boolean' ? Number(value) : value));
    const { logger } = this.driver.dataSource;
    logger.logQuery(query, values, this);
    const broadcasterResult = new BroadcasterResult();
    await this.broadcaster.broadcast('BeforeQuery', query, values);
    const startedAt = Date.now();
    try {
      const result = await this.execute(query, values);
      const elapsed = Date.now() - startedAt;
      const slowAfter = this.driver.options.maxQueryExecutionTime;
      if (slowAfter && elapsed > slowAfter) logger.logQuerySlow(elapsed, query, values, this);
      this.broadcaster.broadcastAfterQueryEvent(broadcasterResult, query, values, true, elapsed, result.raw, undefined);
      return useStructuredResult ? result : result.raw;
    } catch (error) {
      logger.logQueryError(error as Error, query, values, this);
      this.broadcaster.broadcastAfterQueryEvent(broadcasterResult, query, values, false, undefined, undefined, error);
      throw new QueryFailedError(query, values, error as Error);
    } finally {
      await broadcasterResult.wait();
    }
  }

  private async execute(query: string, values: unknown[]): Promise<QueryResult> {
    if (this.releaseWriter) {
      // TypeORM begins deferred; IMMEDIATE takes the file's write lock now, waiting for other processes.
      const sql = query === 'BEGIN TRANSACTION' ? 'BEGIN IMMEDIATE TRANSACTION' : query;
      return run(this.driver.statement(this.driver.writer, sql), values);
    }
    const readable = this.driver.statement(this.driver.databaseConnection as Connection, query);
    if (readable.readonly) return run(readable, values);
    const releaseWriter = await this.driver.acquireWriter();
    try {
      return run(this.driver.statement(this.driver.writer, query), values);
    } finally {
      releaseWriter();
    }
  }

  private endWriting(): void {
    const release = this.releaseWriter;
    this.releaseWriter = null;
    this.isTransactionActive = false;
    this.transactionDepth = 0;
    release?.();
  }
}

function run(statement: Statement, values: unknown[]): QueryResult {
  const result = new QueryResult();
  if (statement.reader) {
    const records = statement.all(...values);
    result.raw = records;
    result.records = records;
  } else {
    const outcome = statement.run(...values);
    result.affected = outcome.changes;
    result.raw = outcome.lastInsertRowid;
  }
  return result;
}

/** A DataSource on the embedded driver (TypeORM picks drivers by `type` only, so it is swapped in here). */
export function useEmbeddedSqliteDriver(dataSource: DataSource): DataSource {
  Object.assign(dataSource, { driver: new EmbeddedSqliteDriver(dataSource) });
  return dataSource;
}
