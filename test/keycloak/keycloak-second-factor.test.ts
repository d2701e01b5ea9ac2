import { signInThroughBrowser } from '../../auth/sign-in';
import { graphql, passwordGrant } from '../harness/single-window.client';
import { keycloakState } from './keycloak-control';
import { createUser, GOOD_PASSWORD } from './keycloak-users';

// What only a real directory shows: privileged users without an authenticator yet. The realm's flow
// makes them set one up before they get in (Keycloak's CONFIGURE_TOTP), never lets them past without a
// code, and the password grant stays closed to them. The demo users' two factors are tested against
// both providers in test/second-factor.test.ts.

describe('a privileged user without an authenticator, in Keycloak', () => {
  const issuer = () => keycloakState().issuer;

  it.each([['admin'], ['pii-reader']])('with role %s is asked to set one up, not signed in', async (role) => {
    const user = await createUser(['enforcement-officer', role]);
    await expect(
      signInThroughBrowser({ issuer: issuer(), username: user.username, password: GOOD_PASSWORD }),
    ).rejects.toMatchObject({
      providerMessage: expect.stringContaining('set up Mobile Authenticator') as unknown,
    });
    const grant = await passwordGrant(user.username, GOOD_PASSWORD, issuer());
    expect(grant.status).toBe(401);
    expect(grant.body.access_token).toBeUndefined();
  });

  it('signs an officer made the same way in without a code, and the gateway accepts the token', async () => {
    const user = await createUser(['enforcement-officer']);
    const tokens = await signInThroughBrowser({ issuer: issuer(), username: user.username, password: GOOD_PASSWORD });
    const result = await graphql('{ enterprises(first: 1) { totalCount } }', {}, { token: tokens.access_token });
    expect(result.errors).toBeUndefined();
  });
});
