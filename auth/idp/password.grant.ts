import { randomUUID } from 'node:crypto';
import type * as oidc from 'oidc-provider' with { 'resolution-mode': 'import' };
import { denialIn } from './authentication-flows';
import { DIRECT_GRANT_AUTHENTICATORS, REFUSAL_DESCRIPTION, type PasswordAuthenticator } from './password.authenticator';
import { REALM_AUDIENCE_RESOURCE, resourceServerFor } from './provider.configuration';
import type { Realm } from './realm';

export const PASSWORD_GRANT_PARAMETERS = ['username', 'password', 'scope'];

// The ResourceServer class oidc-provider exposes on the instance is missing from @types/oidc-provider.
type ResourceServerConstructor = new (identifier: string, info: oidc.ResourceServer) => oidc.ResourceServer;

function parameter(ctx: oidc.KoaContextWithOIDC, name: string): string | undefined {
  const value = ctx.oidc.params?.[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * Resource Owner Password Credentials (`grant_type=password`), as Keycloak serves it to clients with
 * `directAccessGrantsEnabled`: the user's realm credentials are checked (with brute-force lockout) and
 * an access token is returned, plus an ID token when `openid` is asked for. oidc-provider has checked
 * the client and that the grant is allowed for it before this runs.
 */
export function passwordGrantHandler(realm: Realm, authenticator: PasswordAuthenticator, errors: typeof oidc.errors) {
  return async function passwordGrant(ctx: oidc.KoaContextWithOIDC, next: () => Promise<void>): Promise<void> {
    const { provider } = ctx.oidc;
    const client = ctx.oidc.client;
    if (!client) throw new errors.InvalidClient('client not found');
    const username = parameter(ctx, 'username');
    if (!username) throw new errors.InvalidRequest('Missing parameter: username');

    const outcome = authenticator.authenticate(username, parameter(ctx, 'password') ?? '', client.clientId);
    if (!outcome.ok) throw new errors.CustomOIDCProviderError('invalid_grant', REFUSAL_DESCRIPTION[outcome.refusal]);
    const { user } = outcome;

    // The direct grant flow runs after the password is checked, as in Keycloak: a wrong password is
    // invalid_grant (and counts toward the lockout) whoever the user; a right one meets the flow.
    const steps = realm.directGrantSteps(user);
    const unsupported = steps.find((step) => !DIRECT_GRANT_AUTHENTICATORS.has(step.authenticator));
    if (unsupported) {
      authenticator.unsupportedStep(user, unsupported.authenticator, client.clientId);
      throw deniedByFlow(errors, 'Access denied');
    }
    const denial = denialIn(steps);
    if (denial !== null) {
      // Keycloak counts a flow's denial as a failed sign-in (brute-force detection), so this does too.
      authenticator.deniedByFlow(user, client.clientId);
      throw deniedByFlow(errors, denial);
    }
    authenticator.signedIn(user);

    const realmClient = realm.client(client.clientId);
    const scope = realm.tokenScope(realmClient, parameter(ctx, 'scope'));
    const sessionId = randomUUID();
    const grant = new provider.Grant({ accountId: user.id, clientId: client.clientId });
    grant.addOIDCScope(scope);
    grant.addResourceScope(REALM_AUDIENCE_RESOURCE, scope);
    const grantId = await grant.save();

    const { ResourceServer } = provider as unknown as { ResourceServer: ResourceServerConstructor };
    const accessToken = new provider.AccessToken({
      accountId: user.id,
      client,
      grantId,
      gty: 'password',
      scope,
      sid: sessionId,
      resourceServer: new ResourceServer(REALM_AUDIENCE_RESOURCE, resourceServerFor(realm, errors, client.clientId)),
    });
    ctx.oidc.entity('AccessToken', accessToken);
    const accessTokenValue = await accessToken.save();

    const body: Record<string, unknown> = {
      access_token: accessTokenValue,
      expires_in: accessToken.expiration,
      token_type: 'Bearer',
      'not-before-policy': 0,
      session_state: sessionId,
      scope,
    };
    if (scope.split(' ').includes('openid')) {
      const idToken = new provider.IdToken({ sub: user.id }, { ctx });
      for (const [claim, value] of Object.entries(realm.userClaims(user, realmClient, 'id'))) idToken.set(claim, value);
      idToken.set('sid', sessionId);
      idToken.set('at_hash', accessTokenValue);
      body.id_token = await idToken.issue({ use: 'idtoken' });
    }
    ctx.body = body;
    await next();
  };
}

/**
 * A refusal by the direct grant flow (deny-access-authenticator): HTTP 401, as Keycloak 26 answers it
 * (Keycloak's body is its HTML error page with the same message; this one is the OAuth JSON).
 */
function deniedByFlow(errors: typeof oidc.errors, message: string): oidc.errors.CustomOIDCProviderError {
  const error = new errors.CustomOIDCProviderError('access_denied', message);
  error.status = 401;
  error.statusCode = 401;
  return error;
}
