import { type DataSource, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';

// What differs between MySQL/MariaDB and the embedded SQLite, in one place: domain code asks for the
// effect ("hold these rows", "was this a duplicate") and never names a database.

function hasRowLocks(dataSource: DataSource): boolean {
  return dataSource.options.type === 'mysql';
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

/**
 * As `forUpdate`, but rows another transaction holds are skipped instead of waited for (SELECT ... FOR
 * UPDATE SKIP LOCKED, MySQL 8 and MariaDB 10.6+): for several workers claiming from one queue.
 */
export function forUpdateSkipLocked<TEntity extends ObjectLiteral>(
  query: SelectQueryBuilder<TEntity>,
): SelectQueryBuilder<TEntity> {
  return hasRowLocks(query.connection) ? query.setLock('pessimistic_write').setOnLocked('skip_locked') : query;
}

// One classification of driver errors for both dialects (database-errors.ts); domain code imports it from here.
export { isDeadlock, isUniqueViolation } from './database-errors';

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

/**
 * SQL for the calendar date in China Standard Time (UTC+8, no daylight saving) of a UTC datetime
 * column, as text YYYY-MM-DD, for grouping by day in the database.
 */
export function chinaDateSql(dataSource: DataSource, column: string): string {
  return dataSource.options.type === 'mysql'
    ? `DATE_FORMAT(DATE_ADD(${column}, INTERVAL 8 HOUR), '%Y-%m-%d')`
    : `date(${column}, '+8 hours')`;
}
