import type { IncomingMessage, ServerResponse } from 'node:http';
import { jwtVerify, type KeyLike } from 'jose';
import type { Logger } from '../../platform/observability/logger';
import type { Realm } from './realm';

// The part of Keycloak's admin REST API (`/admin/realms/<realm>/...`) the gateway's partner directory
// calls, so one client serves Keycloak in production and this provider in development: find a client,
// list the client scopes, and add or remove a client's default client scopes at run time. Callers
// present an access token of this realm whose service account holds realm-management's
// `manage-clients` (writes) or `view-clients` (reads), as Keycloak asks. Changes live in memory until the
// provider restarts, when the realm file is read again; the gateway's sync applies them again.

const REALM_MANAGEMENT = 'realm-management';

function send(response: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    response.writeHead(status, { 'cache-control': 'no-store' });
    response.end();
    return;
  }
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

/** The realm-management roles of the token's service account, or null when the token is not this realm's. */
async function callerRoles(
  request: IncomingMessage,
  realm: Realm,
  issuer: string,
  key: KeyLike,
): Promise<Set<string> | null> {
  const header = request.headers.authorization ?? '';
  const token = /^Bearer (\S+)$/i.exec(header)?.[1];
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, key, { issuer, algorithms: ['RS256'] });
    const clientId = typeof payload.azp === 'string' ? payload.azp : undefined;
    const user = clientId ? realm.serviceAccountUser(clientId) : undefined;
    if (!user || !user.enabled || user.id !== payload.sub) return new Set();
    return new Set(user.clientRoles[REALM_MANAGEMENT] ?? []);
  } catch {
    return null;
  }
}

function clientView(realm: Realm, id: string) {
  const client = realm.client(id);
  return client ? { id: client.clientId, clientId: client.clientId, enabled: client.enabled } : undefined;
}

function scopeView(realm: Realm, name: string) {
  const scope = realm.clientScopeList.find((candidate) => candidate.name === name);
  return scope ? { id: scope.name, name: scope.name, protocol: scope.protocol } : undefined;
}

/**
 * Answers `path` (below `/admin/realms/<realm>`, query included) for the embedded provider. Client ids
 * are the clientIds and client scope ids the scope names (Keycloak uses UUIDs; callers only pass back
 * what they were given).
 */
export async function answerAdminRequest(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  options: { realm: Realm; issuer: string; key: KeyLike; logger: Logger },
): Promise<void> {
  const { realm } = options;
  const roles = await callerRoles(request, realm, options.issuer, options.key);
  if (roles === null) return send(response, 401, { error: 'HTTP 401 Unauthorized' });
  const method = request.method ?? 'GET';
  const writing = method !== 'GET';
  if (!roles.has('manage-clients') && (writing || !roles.has('view-clients')))
    return send(response, 403, { error: 'unknown_error' });

  const url = new URL(path, 'http://admin.invalid');
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (method === 'GET' && parts.length === 1 && parts[0] === 'clients') {
    const wanted = url.searchParams.get('clientId');
    const ids = wanted === null ? realm.clients.map((client) => client.clientId) : [wanted];
    return send(
      response,
      200,
      ids.map((id) => clientView(realm, id)).filter((view) => view !== undefined),
    );
  }
  if (method === 'GET' && parts.length === 1 && parts[0] === 'client-scopes') {
    return send(
      response,
      200,
      realm.clientScopeList.map((scope) => scopeView(realm, scope.name)),
    );
  }
  if (parts[0] === 'clients' && parts[2] === 'default-client-scopes') {
    const client = realm.client(parts[1]);
    if (!client) return send(response, 404, { error: 'Could not find client' });
    if (method === 'GET' && parts.length === 3) {
      return send(
        response,
        200,
        client.defaultClientScopes.map((name) => scopeView(realm, name)).filter((view) => view !== undefined),
      );
    }
    if ((method === 'PUT' || method === 'DELETE') && parts.length === 4) {
      if (!realm.setDefaultClientScope(client.clientId, parts[3], method === 'PUT'))
        return send(response, 404, { error: 'Client scope not found' });
      options.logger.info('client default scope changed', {
        clientId: client.clientId,
        scope: parts[3],
        change: method === 'PUT' ? 'added' : 'removed',
      });
      return send(response, 204);
    }
  }
  return send(response, 404, { error: 'HTTP 404 Not Found' });
}
