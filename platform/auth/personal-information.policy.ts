import type { Identity } from './identity';
import type { Purpose } from './purpose';

export const PII_READER_ROLE = 'pii-reader';

/**
 * Personal information is shown in full only to a pii-reader who declared a purpose for this request;
 * everyone else sees it masked (PIPL: least disclosure, purpose limitation). A context that carries no
 * purpose at all (the audit subgraph's) never shows it in full.
 */
export function mayReadPersonalInformation(context: { identity?: Identity | null; purpose?: Purpose | null }): boolean {
  const identity = context.identity ?? null;
  return identity !== null && identity.roles.has(PII_READER_ROLE) && (context.purpose ?? null) !== null;
}
