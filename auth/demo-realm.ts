import { join } from 'node:path';
import { codeForStep, timeStep, type OneTimeCodeCredential } from './idp/one-time-code';
import { Realm } from './idp/realm';

// Where the realm and its demo companions live. Production Keycloak imports `realm-transport.json`
// alone; the embedded provider, the token command, the tests and the benches add the demo users (with
// passwords and demo authenticator keys) and the demo client secrets from `auth/demo/`.
const AUTH_DIRECTORY = join(__dirname, '..', '..', 'auth');

export const REALM_FILE = join(AUTH_DIRECTORY, 'realm-transport.json');
export const DEMO_USERS_FILES = [join(AUTH_DIRECTORY, 'demo', 'transport-users-0.json')];
export const DEMO_CLIENT_SECRETS_FILE = join(AUTH_DIRECTORY, 'demo', 'client-secrets.json');

/** The realm with its demo users and client secrets, as the embedded provider serves it. */
export function loadDemoRealm(): Realm {
  return Realm.fromFiles(REALM_FILE, { usersFiles: DEMO_USERS_FILES, clientSecretsFile: DEMO_CLIENT_SECRETS_FILE });
}

/** A code a demo user's authenticator app shows, with its time step (codes are single-use per step). */
export interface DemoOneTimeCode {
  code: string;
  step: number;
  /** Seconds per time step. */
  period: number;
}

/** The demo user's first TOTP authenticator, or undefined for a user without one. */
export function demoAuthenticator(realm: Realm, username: string): OneTimeCodeCredential | undefined {
  const user = realm.user(username);
  return user ? realm.oneTimeCodeCredentials(user).find((credential) => credential.subType === 'totp') : undefined;
}

/**
 * The code the demo user's authenticator shows at a time step (default: now). Undefined when the user
 * has no authenticator in the demo users file.
 */
export function demoOneTimeCode(
  realm: Realm,
  username: string,
  at: { step?: number; timeMs?: number } = {},
): DemoOneTimeCode | undefined {
  const credential = demoAuthenticator(realm, username);
  if (!credential) return undefined;
  const step = at.step ?? timeStep(credential, at.timeMs ?? Date.now());
  return { code: codeForStep(credential, step), step, period: credential.period };
}
