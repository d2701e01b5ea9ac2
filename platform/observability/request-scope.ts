import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Marks work done while serving a GraphQL request, so SQL run for requests can be counted apart
 * from background work such as the outbox relay's polling.
 */
const scope = new AsyncLocalStorage<true>();

export function withinRequest<T>(work: () => T): T {
  return scope.run(true, work);
}

export function inRequest(): boolean {
  return scope.getStore() === true;
}

/** Runs `work` outside any request, e.g. background work whose timer a request happened to start. */
export function outsideRequest<T>(work: () => T): T {
  return scope.exit(work);
}
