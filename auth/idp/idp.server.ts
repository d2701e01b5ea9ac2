import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { BlockList, isIPv4, type AddressInfo } from 'node:net';
import { importJWK, type KeyLike } from 'jose';
import { answerAdminRequest } from './admin.endpoint';
import { createLogger, type LogLevel } from '../../platform/observability/logger';
import { loginInteraction } from './login.interaction';
import { PasswordAuthenticator } from './password.authenticator';
import { PASSWORD_GRANT_PARAMETERS, passwordGrantHandler } from './password.grant';
import { KEYCLOAK_ROUTES, providerConfiguration } from './provider.configuration';
import { Realm } from './realm';
import { redirectUriAllowed } from './realm-clients';
import { loadOrCreateSigningKey } from './signing-key.store';
import { userinfoEndpoint, type ProviderMiddleware } from './userinfo.endpoint';

export interface IdentityProviderOptions {
  /** Port to listen on; 0 picks a free one (see `RunningIdentityProvider.port`). */
  port: number;
  /** A Keycloak realm export, the file Keycloak imports in production. */
  realmFile: string;
  /** Users files beside it (`{ realm, users }`), e.g. the demo users with passwords and authenticators. */
  usersFiles?: readonly string[];
  /** Client secrets kept apart from the realm file (`{ clientId: secret }`), e.g. the demo ones. */
  clientSecretsFile?: string;
  /** External origin, e.g. `http://localhost:8080`; the issuer is `<publicUrl>/realms/<realm>`. Default `http://localhost:<port>`. */
  publicUrl?: string;
  /** Where the RS256 signing key (private JWK) is kept between runs. */
  keyFile: string;
  /** Listen address; all interfaces when omitted, as Keycloak does. */
  host?: string;
  /** Default `warn`: lockouts and server errors only. */
  logLevel?: LogLevel;
  /** Clock for brute-force lockout; tests move it. */
  now?: () => number;
}

export interface RunningIdentityProvider {
  issuer: string;
  port: number;
  close(): Promise<void>;
}

// Keycloak's sslRequired=external: plain HTTP only from loopback and private networks.
const PRIVATE_NETWORKS = new BlockList();
for (const [network, prefix] of [
  ['127.0.0.0', 8],
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['169.254.0.0', 16],
] as const) {
  PRIVATE_NETWORKS.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const)
  PRIVATE_NETWORKS.addSubnet(network, prefix, 'ipv6');

function isPrivateAddress(address: string | undefined): boolean {
  if (!address) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return PRIVATE_NETWORKS.check(mapped, 'ipv4');
  return PRIVATE_NETWORKS.check(address, isIPv4(address) ? 'ipv4' : 'ipv6');
}

function sendJson(response: ServerResponse, status: number, body: Record<string, string>): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

/**
 * RFC 6749 §5.2 (and Keycloak) answer `unauthorized_client` when a client asks for a grant it is not
 * allowed, e.g. a public client asking for client credentials; oidc-provider 8 says `invalid_request`.
 */
const grantTypeRefusalAsUnauthorizedClient: ProviderMiddleware = async (ctx, next) => {
  await next();
  const body = ctx.body as { error?: string; error_description?: string } | undefined;
  if (
    ctx.path === KEYCLOAK_ROUTES.token &&
    body?.error === 'invalid_request' &&
    body.error_description === 'requested grant type is not allowed for this client'
  ) {
    ctx.body = { error: 'unauthorized_client', error_description: 'Client not allowed to use this grant type' };
  }
};

function listen(server: ReturnType<typeof createServer>, port: number, host: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Starts the embedded OpenID provider that stands in for Keycloak on machines without it: the realm
 * file's clients, users, roles, mappers, flows, token lifespans, OTP and lockout policy, served at Keycloak's
 * paths (`/realms/<realm>/.well-known/openid-configuration`, `/realms/<realm>/protocol/openid-connect/...`)
 * with RS256 tokens shaped like Keycloak's.
 */
export async function startIdentityProvider(options: IdentityProviderOptions): Promise<RunningIdentityProvider> {
  const logger = createLogger('idp', options.logLevel ?? 'warn');
  const realm = Realm.fromFiles(options.realmFile, {
    usersFiles: options.usersFiles,
    clientSecretsFile: options.clientSecretsFile,
  });
  if (!realm.settings.enabled) throw new Error(`realm ${realm.name} is disabled in ${options.realmFile}`);
  const signingKey = await loadOrCreateSigningKey(options.keyFile);
  const verificationKey = (await importJWK({ kty: 'RSA', n: signingKey.n, e: signingKey.e }, 'RS256')) as KeyLike;

  // Listen first so port 0 resolves to a real port before the issuer is fixed.
  let handle: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) =>
    sendJson(response, 503, { error: 'temporarily_unavailable', error_description: 'starting' });
  const server = createServer((request, response) => handle(request, response));
  const port = await listen(server, options.port, options.host);

  try {
    const publicUrl = new URL(options.publicUrl ?? `http://localhost:${port}`);
    const issuer = `${publicUrl.origin}${publicUrl.pathname.replace(/\/$/, '')}/realms/${encodeURIComponent(realm.name)}`;
    const mountPath = new URL(issuer).pathname;
    const adminMountPath = mountPath.replace(/\/realms\/([^/]+)$/, '/admin/realms/$1');

    // oidc-provider is an ES module; a dynamic import loads it from this CommonJS build.
    const { default: Provider, errors } = await import('oidc-provider');
    const provider = new Provider(issuer, providerConfiguration(realm, signingKey, issuer, errors));
    // Every request is given the public URL's scheme and host (see `handle`), so discovery and
    // redirects name the public URL whatever Host a caller used, like Keycloak with a fixed hostname.
    provider.proxy = true;
    const redirectPatterns = new Map(realm.clients.map((client) => [client.clientId, client.redirectUris]));
    provider.Client.prototype.redirectUriAllowed = function keycloakRedirectUriAllowed(
      this: { clientId: string },
      value: string,
    ) {
      return redirectUriAllowed(redirectPatterns.get(this.clientId) ?? [], value);
    };
    const authenticator = new PasswordAuthenticator(realm, logger, options.now);
    provider.registerGrantType(
      'password',
      passwordGrantHandler(realm, authenticator, errors),
      PASSWORD_GRANT_PARAMETERS,
    );
    provider.use(grantTypeRefusalAsUnauthorizedClient);
    provider.use(userinfoEndpoint(realm, issuer, verificationKey));
    provider.use(loginInteraction(realm, authenticator, provider));
    // One log line per failure, never a stack trace in an answer; Koa's own handler would print stacks.
    provider.on('server_error', (ctx, error: Error) =>
      logger.error('identity provider error', { path: ctx.path, error: error.message }),
    );
    provider.app.on('error', (error: Error) => logger.error('identity provider error', { error: error.message }));
    const callback = provider.callback();

    handle = (request, response) => {
      const url = request.url ?? '/';
      const secure = publicUrl.protocol === 'https:';
      if (
        !secure &&
        (realm.settings.sslRequired === 'all' ||
          (realm.settings.sslRequired === 'external' && !isPrivateAddress(request.socket.remoteAddress)))
      ) {
        return sendJson(response, 403, { error: 'invalid_request', error_description: 'HTTPS required' });
      }
      // Keycloak's admin API sits beside the realm: /admin/realms/<realm>/... (auth/idp/admin.endpoint.ts).
      const adminPath = `${adminMountPath}/`;
      if (url.startsWith(adminPath)) {
        answerAdminRequest(request, response, url.slice(adminMountPath.length), {
          realm,
          issuer,
          key: verificationKey,
          logger,
        }).catch((error: unknown) => {
          logger.error('identity provider admin error', {
            error: error instanceof Error ? error.message : String(error),
          });
          if (!response.headersSent) sendJson(response, 500, { error: 'unknown_error' });
        });
        return;
      }
      if (url !== mountPath && !url.startsWith(`${mountPath}/`) && !url.startsWith(`${mountPath}?`)) {
        return sendJson(response, 404, {
          error: 'not_found',
          error_description: `no realm here; the realm is at ${mountPath}`,
        });
      }
      const rest = url.slice(mountPath.length);
      (request as IncomingMessage & { originalUrl?: string }).originalUrl = url;
      request.url = rest.startsWith('/') ? rest : `/${rest}`;
      request.headers['x-forwarded-host'] = publicUrl.host;
      request.headers['x-forwarded-proto'] = publicUrl.protocol.slice(0, -1);
      void callback(request, response);
    };

    logger.info('identity provider listening', { issuer, port });
    return {
      issuer,
      port,
      close: () =>
        new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()));
          server.closeAllConnections();
        }),
    };
  } catch (error) {
    server.close();
    throw error;
  }
}
