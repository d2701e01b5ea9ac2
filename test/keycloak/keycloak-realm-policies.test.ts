import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../harness/service-processes';
import { eventually, passwordGrant } from '../harness/single-window.client';
import { keycloakAdmin, keycloakState } from './keycloak-control';
import { createUser, GOOD_PASSWORD } from './keycloak-users';

// The realm's MLPS level-3 policies as real Keycloak enforces them (auth/realm-transport.json): the
// brute-force lockout and the password policy. Each test makes its own user, so no demo user is locked.

const realm = JSON.parse(readFileSync(join(PROJECT_ROOT, 'auth', 'realm-transport.json'), 'utf8')) as {
  failureFactor: number;
  quickLoginCheckMilliSeconds: number;
  passwordPolicy: string;
};

interface BruteForceStatus {
  disabled: boolean;
  numFailures: number;
}

function bruteForceStatus(userId: string): Promise<BruteForceStatus> {
  return keycloakAdmin().request('GET', `/attack-detection/brute-force/users/${userId}`);
}

/**
 * Keycloak 26 records a failed login on its "bruteforce" executor after the token endpoint has
 * answered (DefaultBruteForceProtector.processLogin), so the admin API shows a failure a moment later;
 * on a loaded machine that moment can be long. Reads the status until it meets `settled`.
 */
function bruteForceStatusOnce(userId: string, settled: (status: BruteForceStatus) => boolean) {
  return eventually(async () => {
    const status = await bruteForceStatus(userId);
    if (!settled(status)) throw new Error(`brute-force status not settled yet: ${JSON.stringify(status)}`);
    return status;
  }, 15_000).catch(() => bruteForceStatus(userId));
}

describe('the realm policies in Keycloak', () => {
  const issuer = () => keycloakState().issuer;

  it('has the policies this test expects in the realm file', () => {
    expect(realm.failureFactor).toBe(5);
    expect(realm.quickLoginCheckMilliSeconds).toBe(1000);
    expect(realm.passwordPolicy).toContain('length(12)');
  });

  it(`locks an account after ${realm.failureFactor} wrong passwords, even for the right one`, async () => {
    const user = await createUser();
    expect((await passwordGrant(user.username, GOOD_PASSWORD, issuer())).status).toBe(200);
    for (let attempt = 0; attempt < realm.failureFactor; attempt += 1) {
      // Slower than the quick-login check (next test), as a person types.
      await new Promise((resolve) => setTimeout(resolve, realm.quickLoginCheckMilliSeconds + 100));
      const wrong = await passwordGrant(user.username, `Wrong#Password${attempt}`, issuer());
      expect({ attempt, status: wrong.status, body: wrong.body }).toEqual({
        attempt,
        status: 400,
        body: { error: 'invalid_grant', error_description: 'Invalid user credentials' },
      });
      const status = await bruteForceStatusOnce(user.id, (now) => now.numFailures >= attempt + 1);
      expect(status).toMatchObject({ numFailures: attempt + 1, disabled: attempt + 1 >= realm.failureFactor });
    }
    const locked = await passwordGrant(user.username, GOOD_PASSWORD, issuer());
    expect(locked.body.access_token).toBeUndefined();
    expect(locked.body.error).toBe('invalid_grant');
    // An administrator can lift the lockout.
    await keycloakAdmin().request('DELETE', `/attack-detection/brute-force/users/${user.id}`);
    expect((await passwordGrant(user.username, GOOD_PASSWORD, issuer())).status).toBe(200);
  });

  it('locks an account at once when failures come less than quickLoginCheckMilliSeconds apart', async () => {
    // A script guessing passwords back to back. Keycloak times each failure when its executor records
    // it, so on a loaded machine one gap may exceed the check; of three gaps one is well inside it.
    const user = await createUser();
    const quickAttempts = realm.failureFactor - 1;
    for (let attempt = 0; attempt < quickAttempts; attempt += 1) {
      const wrong = await passwordGrant(user.username, `Wrong#Password${attempt}`, issuer());
      expect(wrong.body.access_token).toBeUndefined();
    }
    const status = await bruteForceStatusOnce(user.id, (now) => now.disabled);
    // Locked, and by the quick-login check: fewer failures than failureFactor were counted.
    expect(status.disabled).toBe(true);
    expect(status.numFailures).toBeGreaterThanOrEqual(2);
    expect(status.numFailures).toBeLessThan(realm.failureFactor);
    expect((await passwordGrant(user.username, GOOD_PASSWORD, issuer())).body.access_token).toBeUndefined();
  });

  it.each([
    ['shorter than 12 characters', 'Short#2026a'],
    ['without an upper-case letter', 'no-upper#case2026'],
    ['without a lower-case letter', 'NO-LOWER#CASE2026'],
    ['without a digit', 'No-Digits#AtAllHere'],
    ['without a special character', 'NoSpecialChars2026'],
  ])('refuses a new password %s', async (_why, password) => {
    const user = await createUser();
    await expect(
      keycloakAdmin().request('PUT', `/users/${user.id}/reset-password`, {
        type: 'password',
        value: password,
        temporary: false,
      }),
    ).rejects.toThrow(/HTTP 400/);
  });

  it('refuses any of the last 5 passwords again, and takes a compliant new one', async () => {
    const user = await createUser();
    const reset = (value: string) =>
      keycloakAdmin().request('PUT', `/users/${user.id}/reset-password`, { type: 'password', value, temporary: false });
    await expect(reset(GOOD_PASSWORD)).rejects.toThrow(/HTTP 400/);
    const next = 'Another#Compliant2027';
    await expect(reset(next)).resolves.toBeNull();
    expect((await passwordGrant(user.username, next, issuer())).status).toBe(200);
    await expect(reset(GOOD_PASSWORD)).rejects.toThrow(/HTTP 400/);
  });
});
