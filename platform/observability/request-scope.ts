import { AsyncLocalStorage } from 'node:async_hooks';

/** What a request's SQL statements may have stored so far (kept by platform/database/database-errors.ts). */
export interface DatabaseWrites {
  /** A write was committed (a transaction that wrote, or an autocommitted statement). */
  committed: boolean;
  /** A commit or an autocommitted write lost its answer: it may or may not have taken effect. */
  uncertain: boolean;
}

export interface RequestScope {
  databaseWrites: DatabaseWrites;
}

/**
 * Marks work done while serving a GraphQL request, so SQL run for requests can be counted apart
 * from background work such as the outbox relay's polling, and an outage can tell the caller whether
 * the request stored anything.
 */
const scope = new AsyncLocalStorage<RequestScope>();

export function withinRequest<T>(work: () => T): T {
  return scope.run({ databaseWrites: { committed: false, uncertain: false } }, work);
}

export function inRequest(): boolean {
  return scope.getStore() !== undefined;
}

export function currentRequest(): RequestScope | undefined {
  return scope.getStore();
}

/** Runs `work` outside any request, e.g. background work whose timer a request happened to start. */
export function outsideRequest<T>(work: () => T): T {
  return scope.exit(work);
}
