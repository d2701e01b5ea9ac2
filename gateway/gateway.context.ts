import { AsyncLocalStorage } from 'node:async_hooks';
import type { Identity } from '../platform/auth/identity';
import type { Purpose } from '../platform/auth/purpose';
import type { RequestFacts } from './audit/request-audit';

export interface GatewayContext {
  /** The caller, verified against the realm's keys; null only for operations open to the public. */
  identity: Identity | null;
  /** The verified bearer token, passed on to subgraphs. */
  token: string | null;
  requestId: string;
  /** The purpose the caller declared for this request, if any (validated). */
  purpose: Purpose | null;
  /** Gathered for the request's audit record (which subgraphs were called, among others). */
  facts: RequestFacts;
}

const requestScope = new AsyncLocalStorage<string>();

/** Runs the serving of one request with its id in scope, so every error and log line can name it. */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return requestScope.run(requestId, work);
}

/** The id of the request being served, if any. */
export function currentRequestId(): string | undefined {
  return requestScope.getStore();
}
