import {
  QueryFailedError,
  type DataSource,
  type EntityManager,
  type ObjectLiteral,
  type SelectQueryBuilder,
} from 'typeorm';

// What differs between MySQL/MariaDB and the embedded SQLite, in one place: domain code asks for the
// effect ("hold these rows", "was this a duplicate") and never names a database.

function hasRowLocks(dataSource: DataSource): boolean {
  return dataSource.options.type === 'mysql';
}

function driverCode(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  return (error.driverError as { code?: string } | undefined)?.code;
}

/**
 * Reads the rows as last committed and holds them to the end of the transaction (SELECT ... FOR
 * UPDATE). The embedded database needs no row locks: a transaction there holds the whole file's write
 * lock from its start, so nothing it read can change before it ends.
 */
export function forUpdate<TEntity extends ObjectLiteral>(
  query: SelectQueryBuilder<TEntity>,
): SelectQueryBuilder<TEntity> {
  return hasRowLocks(query.connection) ? query.setLock('pessimistic_write') : query;
}

/** A unique or primary key refused the row: someone stored the same key first. */
export function isUniqueViolation(error: unknown): boolean {
  const code = driverCode(error);
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** The database chose this transaction as a deadlock's victim and rolled it back; running it again may pass. */
export function isDeadlock(error: unknown): boolean {
  // The embedded database takes its one write lock up front, so it never deadlocks.
  return driverCode(error) === 'ER_LOCK_DEADLOCK';
}

/**
 * Runs `work` in a transaction that no other transaction taking the same named lock overlaps, in any
 * process: for rows that every writer appends after the last one (a hash chain), where there is no
 * existing row to lock. MySQL takes a named lock (GET_LOCK) before the transaction; on the embedded
 * database every transaction already excludes every other writer of the file.
 */
export async function inLockedTransaction<T>(
  dataSource: DataSource,
  lockName: string,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (!hasRowLocks(dataSource)) return dataSource.transaction(work);
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [locked] = (await runner.query('SELECT GET_LOCK(?, 10) AS locked', [lockName])) as Array<{
      locked: number | string | null;
    }>;
    if (Number(locked.locked) !== 1) throw new Error(`lock ${lockName} not acquired within 10 s`);
    try {
      return await runner.manager.transaction(work);
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [lockName]);
    }
  } finally {
    await runner.release();
  }
}
