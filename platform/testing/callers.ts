import type { Identity } from '../auth/identity';
import { regionScopeOf, type RegionScope } from '../auth/region-scope';

// For specs only: callers as a verified token describes them.

/** A signed-in user of the single-window client, in `region`, with `roles`. */
export function identityOf(username: string, region: string, ...roles: string[]): Identity {
  return {
    subject: username,
    username,
    clientId: 'single-window-cli',
    roles: new Set(roles),
    region,
    department: null,
    partnerClient: null,
    serviceAccount: false,
    scopes: new Set(),
  };
}

/** The region scope of a caller whose token carries `region`. */
export function scopeIn(region: string): RegionScope {
  return regionScopeOf(identityOf(region, region));
}
