import type { Identity } from '../subgraphs/kit/auth/identity';

export interface GatewayContext {
  /** The caller, verified against the realm's keys; null only for operations open to the public. */
  identity: Identity | null;
  /** The verified bearer token, passed on to subgraphs. */
  token: string | null;
  requestId: string;
}
