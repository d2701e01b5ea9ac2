import { jwtVerify, type KeyLike } from 'jose';
import type * as oidc from 'oidc-provider' with { 'resolution-mode': 'import' };
import { KEYCLOAK_ROUTES } from './provider.configuration';
import type { Realm } from './realm';

export type ProviderMiddleware = Parameters<oidc.Provider['use']>[0];

/**
 * Keycloak's userinfo endpoint accepts the realm's access tokens. oidc-provider refuses tokens that
 * carry an audience there (and ours always carry the gateway's), so this answers the route before
 * oidc-provider does: the token is verified with the realm key and the user's userinfo claims returned.
 */
export function userinfoEndpoint(realm: Realm, issuer: string, verificationKey: KeyLike): ProviderMiddleware {
  return async function userinfo(ctx, next) {
    if (ctx.path !== KEYCLOAK_ROUTES.userinfo || (ctx.method !== 'GET' && ctx.method !== 'POST')) {
      await next();
      return;
    }
    ctx.set('cache-control', 'no-store');
    const refuse = (description: string) => {
      ctx.status = 401;
      ctx.set(
        'www-authenticate',
        `Bearer realm="${realm.name}", error="invalid_token", error_description="${description}"`,
      );
      ctx.body = { error: 'invalid_token', error_description: description };
    };
    const token = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization').trim())?.[1];
    if (!token) return refuse('Missing token');
    let claims: Record<string, unknown>;
    try {
      ({ payload: claims } = await jwtVerify(token, verificationKey, { issuer, algorithms: ['RS256'] }));
    } catch {
      return refuse('Token verification failed');
    }
    // ID tokens are signed with the same key; only access tokens open userinfo.
    const user = claims.typ === 'Bearer' && typeof claims.sub === 'string' ? realm.userById(claims.sub) : undefined;
    if (!user || realm.accountProblem(user)) return refuse('Token verification failed');
    const client = typeof claims.azp === 'string' ? realm.client(claims.azp) : undefined;
    ctx.body = realm.userClaims(user, client, 'userinfo');
  };
}
