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
