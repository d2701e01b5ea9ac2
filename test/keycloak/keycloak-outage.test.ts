import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeJwt, generateKeyPair, SignJWT } from 'jose';
import { graphql } from '../harness/single-window.client';
import { PROJECT_ROOT } from '../harness/service-processes';
import { JWKS_REFRESH_SECONDS } from './global-setup';
import { keycloakState, restartKeycloak, stopKeycloak } from './keycloak-control';
import { accessToken, DEMO_USERS, passwordGrant } from './realm-tokens';

// Keycloak stopped while the single window runs: tokens already issued keep working until they expire
// (the gateway keeps the realm keys it fetched), new sign-ins fail with a clear error, the gateway never
// answers 500. Keycloak started again (in-memory database: the realm imported afresh, new keys): new
// tokens work within the JWKS refresh interval, tokens of the keys that are gone are refused.

const SMALL_QUERY = '{ enterprises(first: 1) { totalCount } }';
const officer = DEMO_USERS.find((user) => user.username === 'nj-enforcement-officer')!;
const run = promisify(execFile);

async function gatewayAnswer(token: string): Promise<{ status: number; codes: Array<string | undefined> }> {
  const result = await graphql(SMALL_QUERY, {}, { token });
  return { status: result.status, codes: (result.errors ?? []).map((error) => error.extensions?.code) };
}

async function eventually<T>(ask: () => Promise<T>, done: (answer: T) => boolean, withinMs: number): Promise<T> {
  const deadline = Date.now() + withinMs;
  let answer = await ask();
  while (!done(answer) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    answer = await ask();
  }
  return answer;
}

const accepted = { status: 200, codes: [] };
const refused = { status: 401, codes: ['UNAUTHENTICATED'] };
const same = (wanted: object) => (answer: object) => JSON.stringify(answer) === JSON.stringify(wanted);

describe('Keycloak stopped and started again while the single window runs', () => {
  const signIn = async () =>
    accessToken(await passwordGrant(keycloakState().issuer, officer.username, officer.password), officer.username);
  let issued: string;

  beforeAll(async () => {
    issued = await signIn();
    expect(await gatewayAnswer(issued)).toEqual(accepted);
    await stopKeycloak();
  }, 60_000);

  afterAll(async () => {
    // Whatever happened above, the next test file finds Keycloak running.
    await fetch(`${keycloakState().issuer}/.well-known/openid-configuration`).catch(() => restartKeycloak());
  }, 240_000);

  it('keeps accepting tokens already issued, past the key refresh interval', async () => {
    expect(await gatewayAnswer(issued)).toEqual(accepted);
    await new Promise((resolve) => setTimeout(resolve, (JWKS_REFRESH_SECONDS + 1) * 1000));
    expect(await gatewayAnswer(issued)).toEqual(accepted);
    expect(decodeJwt(issued).exp! * 1000).toBeGreaterThan(Date.now());
  });

  it('answers a token of an unknown key with UNAUTHENTICATED, never a 500', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(decodeJwt(issued))
      .setProtectedHeader({ alg: 'RS256', kid: 'a-key-the-realm-never-had' })
      .sign(privateKey);
    expect(await gatewayAnswer(forged)).toEqual(refused);
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
    expect(await eventually(() => gatewayAnswer(renewed), same(accepted), 3 * JWKS_REFRESH_SECONDS * 1000)).toEqual(
      accepted,
    );
    expect(await eventually(() => gatewayAnswer(issued), same(refused), 4 * JWKS_REFRESH_SECONDS * 1000)).toEqual(
      refused,
    );
  }, 240_000);
});
