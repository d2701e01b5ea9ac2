import type { GraphQLFormattedError } from 'graphql';
import { DatabaseFailure, databaseFailureOf, writtenByCurrentRequest } from '../database/database-errors';

const MESSAGES: Record<DatabaseFailure, string> = {
  [DatabaseFailure.UNAVAILABLE]: '数据库暂时不可用 (the database is temporarily unavailable)',
  [DatabaseFailure.BUSY]: '数据库繁忙：锁等待超时或死锁 (the database was busy: a lock wait timed out or a deadlock)',
};
const NOTHING_WRITTEN = '未写入任何内容，请稍后重试 (nothing was written; try again shortly)';
const MAYBE_WRITTEN = '部分内容可能已写入，请核对后再重试 (some of it may have been stored; check before trying again)';

/**
 * A database outage told apart from a bug: `SERVICE_UNAVAILABLE` with the reason (`DATABASE_UNAVAILABLE`
 * or `DATABASE_BUSY`), whether the request stored anything (`written`: `NOTHING` or `UNKNOWN`) and so
 * whether sending it again is safe (`retryable`). Null when the error is not an outage.
 */
export function databaseOutageError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | null {
  const failure = databaseFailureOf(error);
  if (!failure) return null;
  const written = writtenByCurrentRequest();
  return {
    message: `${MESSAGES[failure]}；${written === 'NOTHING' ? NOTHING_WRITTEN : MAYBE_WRITTEN}`,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'SERVICE_UNAVAILABLE', reason: failure, retryable: written === 'NOTHING', written },
  };
}
