import { decodeJwt } from 'jose';
import { readState } from '../harness/harness-state';
import { signInThroughBrowser } from '../../auth/sign-in';
import { graphql, nextOneTimeCode, passwordGrant, type TokenAnswer } from '../harness/single-window.client';
import { gatewayAnswer } from './gateway-answers';
import { keycloakState } from './keycloak-control';
import { accessToken, clientCredentials, DEMO_USERS, MACHINE_CLIENTS } from './realm-tokens';

// Real Keycloak 26 issues the tokens, the gateway and the subgraphs trust it (OIDC_ISSUER), and for every
// demo user and machine client the claims they read are the same as the embedded provider's.

const people = DEMO_USERS.filter((user) => !user.privileged);
const privileged = DEMO_USERS.filter((user) => user.privileged);
const machineClients = MACHINE_CLIENTS;

/** The claims the gateway and the subgraphs read (platform/auth/access-token.verifier.ts), and the identity ones. */
function claimsRead(token: string): Record<string, unknown> {
  const claims = decodeJwt<Record<string, unknown>>(token);
  const roles = (claims.realm_access as { roles?: string[] } | undefined)?.roles ?? [];
  return {
    sub: claims.sub,
    typ: claims.typ,
    aud: claims.aud,
    azp: claims.azp,
    preferred_username: claims.preferred_username,
    region: claims.region,
    department: claims.department,
    roles: [...roles].sort(),
    // Data categories travel as `category:*` scopes; the order of scopes carries no meaning.
    scopes: (typeof claims.scope === 'string' ? claims.scope : '').split(' ').filter(Boolean).sort(),
    name: claims.name,
    email: claims.email,
  };
}

describe('tokens from real Keycloak', () => {
  const keycloak = () => keycloakState().issuer;
  const embedded = () => readState().embeddedIssuer;

  it('runs with the services trusting Keycloak, not the embedded provider', () => {
    expect(readState().environment.OIDC_ISSUER).toBe(keycloak());
    expect(keycloak()).not.toBe(embedded());
  });

  it.each(people.map((user) => [user.username, user.password]))(
    'password grant for %s: a token the gateway accepts, with the claims the embedded provider gives',
    async (username, password) => {
      const fromKeycloak = accessToken(await passwordGrant(username, password, keycloak()), username);
      const fromEmbedded = accessToken(await passwordGrant(username, password, embedded()), username);
      expect(decodeJwt(fromKeycloak).iss).toBe(keycloak());
      expect(claimsRead(fromKeycloak)).toEqual(claimsRead(fromEmbedded));
      const answer = await gatewayAnswer(fromKeycloak);
      expect(answer.status).toBe(200);
      expect(answer.codes).not.toContain('UNAUTHENTICATED');
    },
  );

  it.each(privileged.map((user) => [user.username, user.password]))(
    'browser sign-in with a one-time code for %s: a token the gateway accepts, with the embedded provider claims',
    async (username, password) => {
      const signIn = async (issuer: string) =>
        (
          await signInThroughBrowser({
            issuer,
            username,
            password,
            oneTimeCode: async () => (await nextOneTimeCode(username)).code,
          })
        ).access_token;
      const fromKeycloak = await signIn(keycloak());
      const fromEmbedded = await signIn(embedded());
      expect(claimsRead(fromKeycloak)).toEqual(claimsRead(fromEmbedded));
      expect(await gatewayAnswer(fromKeycloak)).toEqual({ status: 200, codes: [] });
    },
  );

  it.each(machineClients)(
    'client credentials for %s: a service-account token with the embedded provider claims',
    async (clientId) => {
      const fromKeycloak = accessToken(await clientCredentials(keycloak(), clientId), clientId);
      const fromEmbedded = accessToken(await clientCredentials(embedded(), clientId), clientId);
      expect(claimsRead(fromKeycloak)).toEqual(claimsRead(fromEmbedded));
      expect(claimsRead(fromKeycloak).preferred_username).toBe(`service-account-${clientId}`);
      const result = await graphql('{ enterprises(first: 1) { totalCount } }', {}, { token: fromKeycloak });
      // Partners may only run their registered operations; the token itself is accepted either way.
      expect((result.errors ?? []).map((error) => error.extensions?.code)).not.toContain('UNAUTHENTICATED');
    },
  );

  it('refuses a machine client with a wrong secret, as the embedded provider does', async () => {
    const refusals: TokenAnswer[] = [
      await clientCredentials(keycloak(), machineClients[0], 'not-the-secret'),
      await clientCredentials(embedded(), machineClients[0], 'not-the-secret'),
    ];
    for (const refusal of refusals) {
      expect(refusal.status).toBe(401);
      expect(refusal.body.access_token).toBeUndefined();
    }
    // The codes differ: Keycloak says unauthorized_client, oidc-provider invalid_client (RFC 6749 5.2).
    expect(refusals.map((refusal) => refusal.body.error)).toEqual(['unauthorized_client', 'invalid_client']);
  });

  it('refuses a token the embedded provider signed: the services trust one realm', async () => {
    const officer = people[0];
    const foreign = accessToken(await passwordGrant(officer.username, officer.password, embedded()), officer.username);
    const answer = await gatewayAnswer(foreign);
    expect(answer.status).toBe(401);
    expect(answer.codes).toEqual(['UNAUTHENTICATED']);
  });
});
