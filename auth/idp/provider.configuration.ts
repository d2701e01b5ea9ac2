import { randomBytes } from 'node:crypto';
import type * as oidc from 'oidc-provider' with { 'resolution-mode': 'import' };
import { memoryAdapterFactory } from './memory.adapter';
import { clientMetadata, webOriginAllowed } from './realm-clients';
import type { Realm } from './realm';
import type { SigningJwk } from './signing-key.store';

/**
 * Keycloak has no resource indicators; every token's audience comes from the client's audience
 * mappers. oidc-provider issues JWT access tokens only for a resource server, so each request is
 * defaulted to this one indicator, which stands for "the audiences the realm gives this client".
 */
export const REALM_AUDIENCE_RESOURCE = 'urn:keycloak:realm-audience';

/** Keycloak routes below `/realms/<realm>`. */
export const KEYCLOAK_ROUTES = {
  authorization: '/protocol/openid-connect/auth',
  token: '/protocol/openid-connect/token',
  jwks: '/protocol/openid-connect/certs',
  userinfo: '/protocol/openid-connect/userinfo',
  end_session: '/protocol/openid-connect/logout',
} as const;

export const LOGIN_ACTIONS_PATH = '/login-actions';

/** Access-token audience and lifetime for a client, from its mappers and the realm's lifespans. */
export function resourceServerFor(
  realm: Realm,
  errors: typeof oidc.errors,
  clientId: string | undefined,
): oidc.ResourceServer {
  const client = clientId ? realm.client(clientId) : undefined;
  const audiences = client ? realm.audiences(client) : [];
  if (!client || audiences.length === 0) {
    throw new errors.InvalidTarget(
      'the client has no audience mapper in the realm, so no access token can be issued for it',
    );
  }
  return {
    // Scopes a client may ask for at this "resource"; the `scope` claim itself follows Keycloak's rule.
    scope: 'openid',
    // A single audience is a string in Keycloak's tokens, several are an array.
    audience: (audiences.length === 1 ? audiences[0] : audiences) as string,
    accessTokenTTL: realm.accessTokenLifespan(client),
    accessTokenFormat: 'jwt',
    jwt: { sign: { alg: 'RS256' } },
  };
}

function isServiceAccountToken(token: oidc.AccessToken | oidc.ClientCredentials): token is oidc.ClientCredentials {
  return token.kind === 'ClientCredentials';
}

export function providerConfiguration(
  realm: Realm,
  signingKey: SigningJwk,
  issuer: string,
  errors: typeof oidc.errors,
): oidc.Configuration {
  const mountPath = new URL(issuer).pathname;
  const tokenSubject = (token: oidc.AccessToken | oidc.ClientCredentials) =>
    isServiceAccountToken(token) ? realm.serviceAccountUser(token.clientId ?? '') : realm.userById(token.accountId);

  return {
    adapter: memoryAdapterFactory(),
    clients: clientMetadata(realm),
    clientAuthMethods: ['client_secret_basic', 'client_secret_post', 'none'],
    responseTypes: ['code'],
    jwks: { keys: [signingKey] },
    routes: KEYCLOAK_ROUTES,
    // Keycloak's default scopes are always applied, so their claims come with `openid` alone.
    scopes: ['openid', 'profile', 'email'],
    claims: { openid: realm.identityClaimNames(), profile: [], email: [] },
    conformIdTokenClaims: false,
    findAccount(ctx, subject) {
      const user = realm.userById(subject);
      if (!user || realm.accountProblem(user)) return undefined;
      const client = ctx.oidc.client ? realm.client(ctx.oidc.client.clientId) : undefined;
      return {
        accountId: user.id,
        claims: (use) => realm.userClaims(user, client, use === 'id_token' ? 'id' : 'userinfo') as oidc.AccountClaims,
      };
    },
    extraTokenClaims(_ctx, token) {
      const user = tokenSubject(token);
      const client = realm.client(token.clientId ?? '');
      const sessionId = isServiceAccountToken(token) ? undefined : (token.sid ?? token.sessionUid);
      return {
        typ: 'Bearer',
        azp: token.clientId,
        ...(sessionId ? { sid: sessionId } : {}),
        ...(user ? realm.userClaims(user, client, 'access') : {}),
      };
    },
    formats: {
      customizers: {
        jwt(_ctx, token, parts) {
          // Keycloak's access tokens: header typ JWT, `sub` of the service-account user for client
          // credentials, `client_id` only on service-account tokens, and its own `scope` rule.
          parts.header = { ...parts.header, typ: 'JWT' };
          const user = tokenSubject(token);
          const client = realm.client(token.clientId ?? '');
          const subject = user ? realm.userClaims(user, client, 'access').sub : undefined;
          if (subject === undefined) delete parts.payload.sub;
          else parts.payload.sub = subject;
          if (!isServiceAccountToken(token)) delete parts.payload.client_id;
          parts.payload.scope = realm.tokenScope(client, token.scope) || undefined;
          return parts;
        },
      },
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      userinfo: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      revocation: { enabled: false },
      introspection: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => REALM_AUDIENCE_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo(_ctx, indicator, client) {
          if (indicator !== REALM_AUDIENCE_RESOURCE) throw new errors.InvalidTarget('unknown resource indicator');
          return resourceServerFor(realm, errors, client.clientId);
        },
      },
    },
    pkce: {
      methods: ['S256'],
      required: (_ctx, client) =>
        realm.client(client.clientId)?.attributes['pkce.code.challenge.method'] === 'S256' ||
        client.clientAuthMethod === 'none',
    },
    clientBasedCORS(_ctx, origin, client) {
      const realmClient = realm.client(client.clientId);
      return realmClient !== undefined && webOriginAllowed(realmClient, origin);
    },
    interactions: { url: (_ctx, interaction) => `${mountPath}${LOGIN_ACTIONS_PATH}/${interaction.uid}` },
    // Sessions live in memory for one run, so per-run cookie keys are enough.
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    issueRefreshToken: () => false,
    ttl: {
      AccessToken: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? realm.settings.accessTokenLifespan,
      ClientCredentials: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? realm.settings.accessTokenLifespan,
      AuthorizationCode: realm.settings.accessCodeLifespan,
      IdToken: realm.settings.accessTokenLifespan,
      Interaction: realm.settings.ssoSessionIdleTimeout,
      Session: realm.settings.ssoSessionMaxLifespan,
      Grant: realm.settings.ssoSessionMaxLifespan,
    },
    renderError(ctx, out) {
      // Plain JSON, never a stack trace, for browsers too.
      ctx.type = 'json';
      ctx.body = out;
    },
  };
}
