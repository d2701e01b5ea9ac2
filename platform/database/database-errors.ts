import { EventSubscriber, type AfterQueryEvent, type EntitySubscriberInterface, type QueryRunner } from 'typeorm';
import { currentRequest, type DatabaseWrites } from '../observability/request-scope';

/**
 * The one place that reads database drivers' errors (mysql2 for MySQL/MariaDB, the SQLite drivers):
 * is a failure an outage a caller may retry, or a key that already exists? Domain code and the error
 * formatter ask here and never name a driver's codes themselves.
 */
export enum DatabaseFailure {
  /** The database cannot be reached, is restarting, or dropped the connection. */
  UNAVAILABLE = 'DATABASE_UNAVAILABLE',
  /** The database refused the statement for now: a lock wait timed out, a deadlock, a busy file. */
  BUSY = 'DATABASE_BUSY',
}

// MySQL/MariaDB server codes (mysql2 names them) and the network errors under them.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
  'ER_TOO_MANY_USER_CONNECTIONS',
  'ER_CONNECTION_KILLED',
  'ER_QUERY_INTERRUPTED',
  'ER_CLIENT_INTERACTION_TIMEOUT',
  'ER_NET_READ_ERROR',
  'ER_NET_READ_INTERRUPTED',
  'ER_NET_ERROR_ON_WRITE',
  'ER_NET_WRITE_INTERRUPTED',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
  'SQLITE_FULL',
]);
const UNAVAILABLE_ERRNOS = new Set([1040, 1053, 1203, 1317, 1927, 4031]);
const BUSY_CODES = new Set(['ER_LOCK_WAIT_TIMEOUT', 'ER_LOCK_DEADLOCK', 'SQLITE_BUSY', 'SQLITE_LOCKED']);
const BUSY_ERRNOS = new Set([1205, 1213]);
const DEADLOCK_ERRNO = 1213;
const DUPLICATE_KEY_ERRNO = 1062;

interface DriverErrorFields {
  code?: unknown;
  errno?: unknown;
  sqlState?: unknown;
  fatal?: unknown;
  message?: unknown;
}

/** The error and what it wraps: GraphQL's originalError, TypeORM's driverError, `cause`. */
function errorChain(error: unknown): DriverErrorFields[] {
  const chain: DriverErrorFields[] = [];
  let current: unknown = error;
  while (current !== null && typeof current === 'object' && chain.length < 8 && !chain.includes(current)) {
    chain.push(current);
    const wrapper = current as { originalError?: unknown; driverError?: unknown; cause?: unknown };
    current = wrapper.originalError ?? wrapper.driverError ?? wrapper.cause;
  }
  return chain;
}

/** SQLite's extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_IOERR_WRITE) count as their primary code. */
function primaryCode(code: unknown): string | null {
  if (typeof code !== 'string') return null;
  return code.startsWith('SQLITE_') ? (/^SQLITE_[A-Z]+/.exec(code)?.[0] ?? code) : code;
}

/** An outage a caller may retry, or null for anything else (a bug, a constraint, bad SQL). */
export function databaseFailureOf(error: unknown): DatabaseFailure | null {
  for (const link of errorChain(error)) {
    const code = primaryCode(link.code);
    const errno = typeof link.errno === 'number' ? link.errno : null;
    if ((code && BUSY_CODES.has(code)) || (errno !== null && BUSY_ERRNOS.has(errno))) return DatabaseFailure.BUSY;
    if ((code && UNAVAILABLE_CODES.has(code)) || (errno !== null && UNAVAILABLE_ERRNOS.has(errno)))
      return DatabaseFailure.UNAVAILABLE;
    // mysql2 marks every error that ends the connection fatal ("Can't add new command when connection is in closed state").
    if (link.fatal === true) return DatabaseFailure.UNAVAILABLE;
  }
  return null;
}

/** A unique key already holds the value (MySQL/MariaDB ER_DUP_ENTRY, SQLite UNIQUE/PRIMARY KEY constraint). */
export function isUniqueViolation(error: unknown): boolean {
  return errorChain(error).some(
    (link) =>
      link.code === 'ER_DUP_ENTRY' ||
      link.errno === DUPLICATE_KEY_ERRNO ||
      link.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
      link.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
      (typeof link.message === 'string' && /UNIQUE constraint failed/i.test(link.message)),
  );
}

/** The database chose this transaction as a deadlock's victim and rolled it back: it may simply be run again. */
export function isDeadlock(error: unknown): boolean {
  return errorChain(error).some((link) => link.code === 'ER_LOCK_DEADLOCK' || link.errno === DEADLOCK_ERRNO);
}

/**
 * The server answered with an error for the statement, so the statement did not take effect. A lost
 * connection, by contrast, leaves unknown whether the server ran it.
 */
function refusedByServer(error: unknown): boolean {
  const link = errorChain(error).find((candidate) => candidate.code !== undefined || candidate.fatal !== undefined);
  if (!link || link.fatal === true) return false;
  if (typeof link.code === 'string' && link.code.startsWith('SQLITE_')) return true;
  return typeof link.sqlState === 'string' && typeof link.errno === 'number';
}

const READING_STATEMENT = /^\s*(SELECT|SHOW|SET|EXPLAIN|DESCRIBE|DESC|WITH|PRAGMA|VALUES)\b/i;
const TRANSACTION_STATEMENT = /^\s*(START\s+TRANSACTION|BEGIN|SAVEPOINT|RELEASE)\b/i;
const COMMIT = /^\s*COMMIT\b/i;
const ROLLBACK_TO_SAVEPOINT = /^\s*ROLLBACK\s+TO\b/i;
const ROLLBACK = /^\s*ROLLBACK\b/i;

/** Transactions that have run a write not yet committed, per connection. */
const pendingWrites = new WeakSet<QueryRunner>();

/** Notes what one finished statement may have stored, for the request it ran for. */
export function noteStatement(
  writes: DatabaseWrites,
  query: string,
  runner: QueryRunner | undefined,
  success: boolean,
  error?: unknown,
): void {
  if (COMMIT.test(query)) {
    if (!runner || !pendingWrites.has(runner)) return;
    pendingWrites.delete(runner);
    if (success) writes.committed = true;
    else if (databaseFailureOf(error) !== DatabaseFailure.BUSY) writes.uncertain = true;
    return;
  }
  if (ROLLBACK_TO_SAVEPOINT.test(query)) return;
  if (ROLLBACK.test(query)) {
    if (runner) pendingWrites.delete(runner);
    return;
  }
  if (READING_STATEMENT.test(query) || TRANSACTION_STATEMENT.test(query)) return;
  // A write (INSERT, UPDATE, DELETE, DDL, anything not known to only read).
  if (runner?.isTransactionActive) {
    if (success) pendingWrites.add(runner);
    return;
  }
  if (success) writes.committed = true;
  else if (!refusedByServer(error)) writes.uncertain = true;
}

/**
 * Keeps, for the request being served, whether any of its statements may have stored something: a
 * committed transaction that wrote, an autocommitted write, or a commit or write whose answer was lost.
 * Registered on every data source (data-source.factory.ts).
 */
@EventSubscriber()
export class DatabaseWriteTracker implements EntitySubscriberInterface {
  afterQuery(event: AfterQueryEvent): void {
    const scope = currentRequest();
    if (scope) noteStatement(scope.databaseWrites, event.query, event.queryRunner, event.success, event.error);
  }
}

/** What the failing request has stored: NOTHING (safe to send again) or UNKNOWN (check first). */
export type WrittenState = 'NOTHING' | 'UNKNOWN';

export function writtenByCurrentRequest(): WrittenState {
  const writes = currentRequest()?.databaseWrites;
  // Outside a request's scope nothing was tracked, so nothing can be promised.
  if (!writes || writes.committed || writes.uncertain) return 'UNKNOWN';
  return 'NOTHING';
}
