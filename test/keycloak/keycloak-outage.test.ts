import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeJwt, generateKeyPair, SignJWT } from 'jose';
import { PROJECT_ROOT } from '../harness/service-processes';
import { ACCEPTED, eventually, gatewayAnswer, REFUSED } from './gateway-answers';
import { JWKS_REFRESH_SECONDS } from './global-setup';
import { keycloakState, restartKeycloak, stopKeycloak } from './keycloak-control';
import { passwordGrant } from '../harness/single-window.client';
import { accessToken, DEMO_USERS } from './realm-tokens';

// Keycloak stopped while the single window runs: tokens already issued keep working until they expire
// (the gateway keeps the realm keys it fetched), new sign-ins fail with a clear error, the gateway never
// answers 500. Keycloak started again (in-memory database: the realm imported afresh, new keys): new
// tokens work within the JWKS refresh interval, tokens of the keys that are gone are refused.

const officer = DEMO_USERS.find((user) => user.username === 'nj-enforcement-officer')!;
const run = promisify(execFile);

describe('Keycloak stopped and started again while the single window runs', () => {
  const signIn = async () =>
    accessToken(await passwordGrant(officer.username, officer.password, keycloakState().issuer), officer.username);
  let issued: string;

  beforeAll(async () => {
    issued = await signIn();
    expect(await gatewayAnswer(issued)).toEqual(ACCEPTED);
    await stopKeycloak();
  }, 60_000);

  afterAll(async () => {
    // Whatever happened above, the next test file finds Keycloak running.
    await fetch(`${keycloakState().issuer}/.well-known/openid-configuration`).catch(() => restartKeycloak());
  }, 240_000);

  it('keeps accepting tokens already issued, past the key refresh interval', async () => {
    expect(await gatewayAnswer(issued)).toEqual(ACCEPTED);
    await new Promise((resolve) => setTimeout(resolve, (JWKS_REFRESH_SECONDS + 1) * 1000));
    expect(await gatewayAnswer(issued)).toEqual(ACCEPTED);
    expect(decodeJwt(issued).exp! * 1000).toBeGreaterThan(Date.now());
  });

  it('answers a token of an unknown key with UNAUTHENTICATED, never a 500', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(decodeJwt(issued))
      .setProtectedHeader({ alg: 'RS256', kid: 'a-key-the-realm-never-had' })
      .sign(privateKey);
    expect(await gatewayAnswer(forged)).toEqual(REFUSED);
  });

  it('fails a new sign-in with a clear error', async () => {
    await expect(signIn()).rejects.toThrow(/fetch failed/);
    const token = run(process.execPath, [join(PROJECT_ROOT, 'dist', 'auth', 'token.js'), officer.username], {
      env: { ...process.env, OIDC_ISSUER: keycloakState().issuer },
    });
    await expect(token).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`the OpenID provider at ${keycloakState().issuer} is not reachable`) as unknown,
    });
  });

  it('accepts tokens of the new keys after a restart, and refuses those of keys that are gone', async () => {
    await restartKeycloak();
    const renewed = await signIn();
    expect(decodeJwt(renewed).iss).toBe(keycloakState().issuer);
    expect(await eventually(renewed, ACCEPTED, 3 * JWKS_REFRESH_SECONDS * 1000)).toEqual(ACCEPTED);
    expect(await eventually(issued, REFUSED, 4 * JWKS_REFRESH_SECONDS * 1000)).toEqual(REFUSED);
  }, 240_000);
});
