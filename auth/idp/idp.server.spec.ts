import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { expect } from '@jest/globals';
import { AccessTokenVerifier } from '../../platform/auth/access-token.verifier';
import { DEMO_CLIENT_SECRETS_FILE, DEMO_USERS_FILES, loadDemoRealm, REALM_FILE } from '../demo-realm';
import { signInThroughBrowser } from '../sign-in';
import type * as IdpServer from './idp.server';

// oidc-provider is an ES module, which Jest's CommonJS sandbox cannot import without
// --experimental-vm-modules; Node's own loader can, so the provider under test is loaded by Node, as
// `node dist/auth/idp/main.js` loads it. The spec itself (and the verifier) still run under Jest.
const nativeRequire = process.getBuiltinModule('node:module').createRequire(__filename);
const { startIdentityProvider } = nativeRequire('./idp.server') as typeof IdpServer;

const demoRealm = loadDemoRealm();
const realm = demoRealm.settings;
const PASSWORD = demoRealm.demoPassword(demoRealm.user('js-licensing-officer')!) ?? '';
const secretOf = (clientId: string) => demoRealm.client(clientId)?.secret ?? '';

interface TokenAnswer {
  status: number;
  body: { access_token?: string; expires_in?: number; id_token?: string; error?: string; error_description?: string };
}

describe('embedded OpenID provider (Keycloak stand-in)', () => {
  const directory = mkdtempSync(join(tmpdir(), 'idp-spec-'));
  const keyFile = join(directory, 'keys', 'idp-signing-key.json');
  const clock = { now: Date.now() };
  let idp: IdpServer.RunningIdentityProvider;

  const tokenRequest = async (
    parameters: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<TokenAnswer> => {
    const response = await fetch(`${idp.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers,
      body: new URLSearchParams(parameters),
    });
    return { status: response.status, body: (await response.json()) as TokenAnswer['body'] };
  };
  const passwordGrant = (username: string, password: string, extra: Record<string, string> = {}) =>
    tokenRequest({ grant_type: 'password', client_id: 'single-window-cli', username, password, ...extra });
  const verifier = () =>
    new AccessTokenVerifier({
      issuer: idp.issuer,
      audience: 'single-window-gateway',
      jwksUrl: `${idp.issuer}/protocol/openid-connect/certs`,
    });

  beforeAll(async () => {
    idp = await startIdentityProvider({
      port: 0,
      host: '127.0.0.1',
      realmFile: REALM_FILE,
      usersFiles: DEMO_USERS_FILES,
      clientSecretsFile: DEMO_CLIENT_SECRETS_FILE,
      keyFile,
      now: () => clock.now,
      logLevel: 'error',
    });
  });

  afterAll(async () => {
    await idp.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('publishes discovery and the endpoints at Keycloak paths', async () => {
    expect(idp.issuer).toBe(`http://localhost:${idp.port}/realms/transport`);
    const discovery = (await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(discovery).toMatchObject({
      issuer: idp.issuer,
      jwks_uri: `${idp.issuer}/protocol/openid-connect/certs`,
      token_endpoint: `${idp.issuer}/protocol/openid-connect/token`,
      authorization_endpoint: `${idp.issuer}/protocol/openid-connect/auth`,
      userinfo_endpoint: `${idp.issuer}/protocol/openid-connect/userinfo`,
      end_session_endpoint: `${idp.issuer}/protocol/openid-connect/logout`,
    });
    const certs = (await (await fetch(`${idp.issuer}/protocol/openid-connect/certs`)).json()) as {
      keys: Array<Record<string, unknown>>;
    };
    expect(certs.keys).toEqual([expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig' })]);
    expect(certs.keys[0]).not.toHaveProperty('d');
  });

  it('names the public URL in discovery whatever host the request used', async () => {
    const discovery = (await (
      await fetch(`http://127.0.0.1:${idp.port}/realms/transport/.well-known/openid-configuration`)
    ).json()) as Record<string, string>;
    expect(discovery.jwks_uri).toBe(`${idp.issuer}/protocol/openid-connect/certs`);
  });

  it("signs an officer in with the password grant; the project's verifier accepts the token", async () => {
    const { status, body } = await passwordGrant('js-licensing-officer', PASSWORD);
    expect(status).toBe(200);
    const identity = await verifier().verify(body.access_token ?? '');
    expect(identity).toMatchObject({
      username: 'js-licensing-officer',
      clientId: 'single-window-cli',
      region: '320000',
      department: 'licensing',
      serviceAccount: false,
    });
    expect([...identity.roles]).toEqual(['licensing-officer']);
    expect(decodeJwt(body.access_token ?? '')).toMatchObject({
      typ: 'Bearer',
      azp: 'single-window-cli',
      aud: 'single-window-gateway',
      sid: expect.any(String),
    });
  });

  it("gives access tokens the realm's accessTokenLifespan", async () => {
    const { body } = await passwordGrant('js-licensing-officer', PASSWORD);
    const claims = decodeJwt(body.access_token ?? '');
    expect(body.expires_in).toBe(realm.accessTokenLifespan);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(realm.accessTokenLifespan);
  });

  it('adds an ID token for the client when openid is asked for', async () => {
    const { body } = await passwordGrant('js-licensing-officer', PASSWORD, { scope: 'openid' });
    expect(decodeJwt(body.id_token ?? '')).toMatchObject({
      aud: 'single-window-cli',
      preferred_username: 'js-licensing-officer',
      region: '320000',
    });
    await expect(verifier().verify(body.id_token ?? '')).rejects.toThrow();
  });

  it('issues a partner client-credentials token for its service account, with its data categories', async () => {
    const { status, body } = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: 'partner-ndrc',
      client_secret: secretOf('partner-ndrc'),
    });
    expect(status).toBe(200);
    const identity = await verifier().verify(body.access_token ?? '');
    expect(identity).toMatchObject({
      username: 'service-account-partner-ndrc',
      clientId: 'partner-ndrc',
      region: '000000',
      serviceAccount: true,
    });
    expect([...identity.roles]).toEqual(['partner-reader']);
    expect([...identity.scopes]).toEqual(
      expect.arrayContaining(['category:registry', 'category:licensing', 'category:credit', 'category:statistics']),
    );
    expect(identity.scopes.has('category:enforcement')).toBe(false);
  });

  it('accepts client credentials in an HTTP Basic header too', async () => {
    const basic = Buffer.from(`weigh-station-js-0001:${secretOf('weigh-station-js-0001')}`).toString('base64');
    const { status, body } = await tokenRequest(
      { grant_type: 'client_credentials' },
      { authorization: `Basic ${basic}` },
    );
    expect(status).toBe(200);
    const identity = await verifier().verify(body.access_token ?? '');
    expect(identity).toMatchObject({ username: 'service-account-weigh-station-js-0001', region: '320000' });
    expect([...identity.roles]).toEqual(['weigh-station']);
  });

  it('refuses a wrong client secret', async () => {
    const { status, body } = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: 'partner-ndrc',
      client_secret: 'guess',
    });
    expect(status).toBe(401);
    expect(body.error).toBe('invalid_client');
    expect(body.access_token).toBeUndefined();
  });

  it('refuses a wrong password or an unknown user with invalid_grant and no detail', async () => {
    for (const [username, password] of [
      ['js-licensing-reviewer', 'SingleWindow#2025'],
      ['no-such-officer', PASSWORD],
    ]) {
      const { status, body } = await passwordGrant(username, password);
      expect(status).toBe(400);
      expect(body).toEqual({ error: 'invalid_grant', error_description: 'Invalid user credentials' });
    }
  });

  it('refuses client credentials to the public client and the password grant to a machine client', async () => {
    const publicClient = await tokenRequest({ grant_type: 'client_credentials', client_id: 'single-window-cli' });
    expect(publicClient.status).toBe(400);
    expect(publicClient.body.error).toBe('unauthorized_client');
    expect(publicClient.body.access_token).toBeUndefined();
    const machine = await tokenRequest({
      grant_type: 'password',
      client_id: 'partner-ndrc',
      client_secret: secretOf('partner-ndrc'),
      username: 'ministry-admin',
      password: PASSWORD,
    });
    expect(machine.status).toBe(400);
    expect(machine.body.error).toBe('unauthorized_client');
  });

  it('locks an account after failureFactor wrong passwords, refuses even the right one, and reopens after the wait', async () => {
    for (let attempt = 0; attempt < realm.failureFactor; attempt += 1) {
      // Two seconds apart, as a person types (faster trips the quick-login check: brute-force.guard.spec.ts).
      clock.now += 2_000;
      expect((await passwordGrant('js-credit-officer', `wrong-${attempt}`)).body.error_description).toBe(
        'Invalid user credentials',
      );
    }
    const locked = await passwordGrant('js-credit-officer', PASSWORD);
    expect(locked.status).toBe(400);
    expect(locked.body).toEqual({
      error: 'invalid_grant',
      error_description: 'Account is temporarily disabled; contact your administrator',
    });
    // Other officers are not affected.
    expect((await passwordGrant('js-safety-officer', PASSWORD)).status).toBe(200);

    clock.now += realm.waitIncrementSeconds * 1000;
    expect((await passwordGrant('js-credit-officer', PASSWORD)).status).toBe(200);
  });

  it("answers userinfo with the user's claims for a valid access token only", async () => {
    const { body } = await passwordGrant('nj-enforcement-officer', PASSWORD);
    const userinfo = async (authorization?: string) => {
      const response = await fetch(`${idp.issuer}/protocol/openid-connect/userinfo`, {
        headers: authorization ? { authorization } : {},
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    expect(await userinfo(`Bearer ${body.access_token}`)).toEqual({
      status: 200,
      body: expect.objectContaining({
        sub: decodeJwt(body.access_token ?? '').sub,
        preferred_username: 'nj-enforcement-officer',
        region: '320100',
        department: 'enforcement',
      }),
    });
    expect((await userinfo()).status).toBe(401);
    const [header, payload] = (body.access_token ?? '').split('.');
    expect((await userinfo(`Bearer ${header}.${payload}.forged`)).status).toBe(401);
  });

  it('signs a user in through the browser flow (authorization code with PKCE)', async () => {
    const tokens = await signInThroughBrowser({
      issuer: idp.issuer,
      username: 'js-safety-officer',
      password: PASSWORD,
      redirectUri: 'http://localhost:5173/callback',
    });
    expect(decodeJwt(tokens.id_token ?? '')).toMatchObject({ preferred_username: 'js-safety-officer' });
    expect(await verifier().verify(tokens.access_token)).toMatchObject({
      username: 'js-safety-officer',
      region: '320000',
    });
  });

  it('refuses the browser sign-in with a wrong password, saying so on the form', async () => {
    await expect(
      signInThroughBrowser({ issuer: idp.issuer, username: 'js-safety-officer', password: 'wrong-password-1A!' }),
    ).rejects.toMatchObject({
      failure: 'credentials-refused',
      providerMessage: expect.stringContaining('Invalid username or password'),
    });
  });

  it("refuses a redirect URI outside the client's patterns", async () => {
    const response = await fetch(
      `${idp.issuer}/protocol/openid-connect/auth?${new URLSearchParams({
        client_id: 'single-window-cli',
        response_type: 'code',
        scope: 'openid',
        redirect_uri: 'http://localhost:@attacker.example/',
        code_challenge: 'x'.repeat(43),
        code_challenge_method: 'S256',
      }).toString()}`,
      { redirect: 'manual' },
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_redirect_uri');
  });

  it('keeps its signing key across restarts, in a file only its owner can read', async () => {
    const firstKid = decodeProtectedHeader(
      (await passwordGrant('ministry-analyst', PASSWORD)).body.access_token ?? '',
    ).kid;
    const restarted = await startIdentityProvider({
      port: 0,
      host: '127.0.0.1',
      realmFile: REALM_FILE,
      usersFiles: DEMO_USERS_FILES,
      clientSecretsFile: DEMO_CLIENT_SECRETS_FILE,
      keyFile,
      logLevel: 'error',
    });
    try {
      const certs = (await (await fetch(`${restarted.issuer}/protocol/openid-connect/certs`)).json()) as {
        keys: Array<{ kid: string }>;
      };
      expect(certs.keys.map((key) => key.kid)).toEqual([firstKid]);
      const stored = JSON.parse(readFileSync(keyFile, 'utf8')) as { kid: string; d?: string };
      expect(stored.kid).toBe(firstKid);
      expect(stored.d).toBeDefined();
      expect(statSync(keyFile).mode & 0o077).toBe(0);
    } finally {
      await restarted.close();
    }
  });
});
