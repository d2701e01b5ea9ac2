import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@jest/globals';
import { DEMO_CLIENT_SECRETS_FILE, DEMO_USERS_FILES, demoOneTimeCode, loadDemoRealm, REALM_FILE } from '../demo-realm';
import { signInThroughBrowser } from '../sign-in';
import { BROWSER_AUTHENTICATORS, DIRECT_GRANT_AUTHENTICATORS } from './password.authenticator';
import type * as IdpServer from './idp.server';

// The embedded provider runs the realm's MFA flows (MLPS level 3): privileged roles type a one-time
// code after the password in the browser, and may not use the password grant. See idp.server.spec.ts
// for why the provider is loaded with Node's own require.
const nativeRequire = process.getBuiltinModule('node:module').createRequire(__filename);
const { startIdentityProvider } = nativeRequire('./idp.server') as typeof IdpServer;

const realm = loadDemoRealm();
const PASSWORD = realm.demoPassword(realm.user('ministry-admin')!) ?? '';
const DENIAL = realm.passwordGrantRefusal(realm.user('ministry-admin')!);

describe('the embedded provider asks privileged roles for a second factor', () => {
  const directory = mkdtempSync(join(tmpdir(), 'idp-mfa-spec-'));
  // The provider's clock (lockout and code checks); codes are computed for the same time.
  const clock = { now: Date.now() };
  let idp: IdpServer.RunningIdentityProvider;
  const codeAt = (username: string, stepOffset = 0) => {
    const current = demoOneTimeCode(realm, username, { timeMs: clock.now })!;
    return demoOneTimeCode(realm, username, { step: current.step + stepOffset })!.code;
  };
  const signIn = (username: string, code?: () => string) =>
    signInThroughBrowser({ issuer: idp.issuer, username, password: PASSWORD, oneTimeCode: code });
  const passwordGrant = async (username: string, password: string) => {
    const response = await fetch(`${idp.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: 'single-window-cli', username, password }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const roles = (accessToken: string) =>
    (
      JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8')) as {
        realm_access: { roles: string[] };
      }
    ).realm_access.roles;

  beforeAll(async () => {
    idp = await startIdentityProvider({
      port: 0,
      host: '127.0.0.1',
      realmFile: REALM_FILE,
      usersFiles: DEMO_USERS_FILES,
      clientSecretsFile: DEMO_CLIENT_SECRETS_FILE,
      keyFile: join(directory, 'idp-signing-key.json'),
      now: () => clock.now,
      logLevel: 'error',
    });
  });

  afterAll(async () => {
    await idp.close();
    rmSync(directory, { recursive: true, force: true });
  });

  // Attempts are two seconds apart, as a person types: two failures within quickLoginCheckMilliSeconds
  // (1 s) would lock the account (Keycloak's quick-login check; brute-force.guard.spec.ts).
  const later = () => {
    clock.now += 2_000;
  };
  beforeEach(later);

  it('refuses the password grant to admin and pii-reader users after checking the password', async () => {
    expect(DENIAL).toMatch(/Privileged roles/);
    for (const username of ['ministry-admin', 'js-pii-officer']) {
      expect(await passwordGrant(username, PASSWORD)).toEqual({
        status: 401,
        body: { error: 'access_denied', error_description: DENIAL },
      });
      later();
      expect(await passwordGrant(username, 'wrong-password-1A!')).toEqual({
        status: 400,
        body: { error: 'invalid_grant', error_description: 'Invalid user credentials' },
      });
    }
    expect((await passwordGrant('js-licensing-officer', PASSWORD)).status).toBe(200);
  });

  it('asks for a one-time code after the password and refuses a wrong one', async () => {
    await expect(signIn('ministry-admin')).rejects.toMatchObject({ failure: 'code-required' });
    // A code of a time step outside the window (two and a half minutes ahead).
    await expect(signIn('ministry-admin', () => codeAt('ministry-admin', 5))).rejects.toMatchObject({
      failure: 'code-refused',
      providerMessage: expect.stringContaining('Invalid authenticator code'),
    });
  });

  it('signs in with the right code, once per code, and accepts the next step within the window', async () => {
    const tokens = await signIn('ministry-admin', () => codeAt('ministry-admin'));
    expect(roles(tokens.access_token)).toEqual(expect.arrayContaining(['admin', 'pii-reader']));
    await expect(signIn('ministry-admin', () => codeAt('ministry-admin'))).rejects.toMatchObject({
      failure: 'code-refused',
    });
    expect((await signIn('ministry-admin', () => codeAt('ministry-admin', 1))).access_token).toBeTruthy();
    await expect(signIn('ministry-admin', () => codeAt('ministry-admin', 2))).rejects.toMatchObject({
      failure: 'code-refused',
    });
  });

  it('counts wrong codes toward the same lockout as wrong passwords', async () => {
    const failureFactor = realm.settings.failureFactor;
    // A completed sign-in starts the count again; a refused password grant does not complete one.
    expect((await signIn('js-pii-officer', () => codeAt('js-pii-officer'))).access_token).toBeTruthy();
    later();
    await expect(signIn('js-pii-officer', () => 'abcdef')).rejects.toMatchObject({ failure: 'code-refused' });
    for (let attempt = 1; attempt < failureFactor - 1; attempt += 1) {
      later();
      expect((await passwordGrant('js-pii-officer', `wrong-${attempt}`)).body).toEqual({
        error: 'invalid_grant',
        error_description: 'Invalid user credentials',
      });
    }
    later();
    await expect(signIn('js-pii-officer', () => 'abcdef')).rejects.toMatchObject({ failure: 'code-refused' });
    // Locked now: even the right password and code are refused.
    await expect(signIn('js-pii-officer', () => codeAt('js-pii-officer', 1))).rejects.toMatchObject({
      failure: 'credentials-refused',
      providerMessage: expect.stringContaining('temporarily disabled'),
    });
    clock.now += realm.settings.waitIncrementSeconds * 1000;
    expect((await signIn('js-pii-officer', () => codeAt('js-pii-officer'))).access_token).toBeTruthy();
  });

  it('runs only authenticators the embedded provider can perform, for every demo user', () => {
    for (const user of realm.settings.users.filter((candidate) => !candidate.serviceAccountClientId)) {
      for (const step of realm.browserSteps(user)) expect(BROWSER_AUTHENTICATORS).toContain(step.authenticator);
      for (const step of realm.directGrantSteps(user))
        expect(DIRECT_GRANT_AUTHENTICATORS).toContain(step.authenticator);
    }
  });
});
