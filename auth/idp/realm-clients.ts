import type { ClientMetadata } from 'oidc-provider' with { 'resolution-mode': 'import' };
import { RealmFileError, type Realm, type RealmClient } from './realm';

/**
 * Keycloak's redirect URI rule: an entry ending in `*` matches any URI that starts with the rest of it,
 * any other entry must match exactly. The host must be the entry's host too, so `http://localhost:*`
 * does not let `http://localhost:@evil.example/` through.
 */
export function redirectUriAllowed(patterns: readonly string[], value: string): boolean {
  let requested: URL;
  try {
    requested = new URL(value);
  } catch {
    return false;
  }
  if (requested.username || requested.password || requested.hash) return false;
  return patterns.some((pattern) => {
    if (!pattern.endsWith('*')) return pattern === value;
    const prefix = pattern.slice(0, -1);
    const host = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#*]+)/i.exec(prefix)?.[1];
    return value.startsWith(prefix) && (host === undefined || requested.hostname === host.toLowerCase());
  });
}

/** Keycloak's web origins: `*` allows any origin, `+` the origins of the redirect URIs, otherwise exact origins. */
export function webOriginAllowed(client: RealmClient, origin: string): boolean {
  return client.webOrigins.some((allowed) => {
    if (allowed === '*') return true;
    if (allowed === '+') return client.redirectUris.some((pattern) => redirectUriAllowed([pattern], `${origin}/`));
    return allowed === origin;
  });
}

/** oidc-provider wants concrete URLs; the real check is `redirectUriAllowed` on the realm's patterns. */
function registrableRedirectUri(pattern: string): string | undefined {
  try {
    return new URL(pattern.endsWith('*') ? pattern.slice(0, -1) : pattern).href;
  } catch {
    return undefined;
  }
}

/**
 * The realm's clients as oidc-provider client metadata. Grants follow the Keycloak switches:
 * `standardFlowEnabled` → authorization code, `directAccessGrantsEnabled` → password,
 * `serviceAccountsEnabled` → client credentials. Bearer-only and disabled clients get no tokens.
 */
export function clientMetadata(realm: Realm): ClientMetadata[] {
  const metadata: ClientMetadata[] = [];
  for (const client of realm.clients) {
    if (!client.enabled || client.bearerOnly) continue;
    const redirectUris = client.standardFlowEnabled
      ? client.redirectUris.map(registrableRedirectUri).filter((uri): uri is string => uri !== undefined)
      : [];
    const grantTypes: string[] = [];
    if (redirectUris.length > 0) grantTypes.push('authorization_code');
    if (client.directAccessGrantsEnabled) grantTypes.push('password');
    if (client.serviceAccountsEnabled && !client.publicClient) grantTypes.push('client_credentials');
    if (grantTypes.length === 0) continue;
    if (!client.publicClient && !client.secret) {
      throw new RealmFileError(`client ${client.clientId} is confidential but the realm file gives it no secret`);
    }
    metadata.push({
      client_id: client.clientId,
      ...(client.publicClient
        ? { token_endpoint_auth_method: 'none' }
        : { client_secret: client.secret, token_endpoint_auth_method: 'client_secret_basic' }),
      grant_types: grantTypes,
      response_types: grantTypes.includes('authorization_code') ? ['code'] : [],
      redirect_uris: redirectUris,
    });
  }
  return metadata;
}
