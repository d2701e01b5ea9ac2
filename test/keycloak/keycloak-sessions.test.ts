import { randomBytes } from 'node:crypto';
import { keycloakAdmin, keycloakState } from './keycloak-control';
import { passwordGrant, tokenRequest, type TokenAnswer } from '../harness/single-window.client';
import { DEMO_USERS } from './realm-tokens';

// Sessions as the realm sets them: a refresh token stops working when its session ends, whether the user
// logged out, an administrator revoked the sessions, or the session outlived its maximum lifespan.

const officer = DEMO_USERS.find((user) => user.username === 'js-credit-officer')!;
const issuer = () => keycloakState().issuer;

function refresh(refreshToken: string): Promise<TokenAnswer> {
  return tokenRequest(
    { grant_type: 'refresh_token', client_id: 'single-window-cli', refresh_token: refreshToken },
    issuer(),
  );
}

async function signIn(): Promise<string> {
  const answer = await passwordGrant(officer.username, officer.password, issuer());
  if (!answer.body.refresh_token) throw new Error(`no refresh token: ${answer.text.slice(0, 300)}`);
  return answer.body.refresh_token;
}

function expectSessionEnded(answer: TokenAnswer): void {
  expect(answer.status).toBe(400);
  expect(answer.body.error).toBe('invalid_grant');
  expect(answer.body.access_token).toBeUndefined();
}

describe('Keycloak sessions', () => {
  it('refreshes while the session lives, and not after the user logged out', async () => {
    const refreshToken = await signIn();
    const renewed = await refresh(refreshToken);
    expect(renewed.status).toBe(200);
    expect(renewed.body.access_token).toBeDefined();

    const logout = await fetch(`${issuer()}/protocol/openid-connect/logout`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: 'single-window-cli', refresh_token: renewed.body.refresh_token! }),
    });
    expect(logout.status).toBe(204);
    expectSessionEnded(await refresh(renewed.body.refresh_token!));
    expectSessionEnded(await refresh(refreshToken));
  });

  it("does not refresh after an administrator revoked the user's sessions", async () => {
    const refreshToken = await signIn();
    const admin = keycloakAdmin();
    await admin.request('POST', `/users/${await admin.userId(officer.username)}/logout`);
    expectSessionEnded(await refresh(refreshToken));
  });

  it('does not refresh a session past its maximum lifespan', async () => {
    const admin = keycloakAdmin();
    const realm = await admin.request<{ ssoSessionMaxLifespan: number }>('GET', '');
    await admin.request('PUT', '', { ssoSessionMaxLifespan: 4 });
    try {
      const refreshToken = await signIn();
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      expectSessionEnded(await refresh(refreshToken));
    } finally {
      await admin.request('PUT', '', { ssoSessionMaxLifespan: realm.ssoSessionMaxLifespan });
    }
  });

  it('refuses a refresh token that was never issued', async () => {
    expectSessionEnded(await refresh(randomBytes(32).toString('base64url')));
  });
});
