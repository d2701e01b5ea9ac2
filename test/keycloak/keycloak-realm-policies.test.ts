import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../harness/service-processes';
import { keycloakAdmin, keycloakState } from './keycloak-control';
import { passwordGrant } from './realm-tokens';

// The realm's MLPS level-3 policies as real Keycloak enforces them (auth/realm-transport.json): the
// brute-force lockout and the password policy. Each test makes its own user, so no demo user is locked.

const realm = JSON.parse(readFileSync(join(PROJECT_ROOT, 'auth', 'realm-transport.json'), 'utf8')) as {
  failureFactor: number;
  passwordPolicy: string;
};
const GOOD_PASSWORD = 'Policy#Compliant2026';

async function createUser(): Promise<{ id: string; username: string }> {
  const admin = keycloakAdmin();
  const username = `policy-${randomBytes(4).toString('hex')}`;
  await admin.request('POST', '/users', {
    username,
    enabled: true,
    emailVerified: true,
    firstName: 'Policy',
    lastName: 'Check',
    email: `${username}@transport.example`,
    attributes: { region: ['320000'], department: ['licensing'] },
    realmRoles: ['licensing-officer'],
    credentials: [{ type: 'password', value: GOOD_PASSWORD, temporary: false }],
  });
  return { id: await admin.userId(username), username };
}

describe('the realm policies in Keycloak', () => {
  const issuer = () => keycloakState().issuer;

  it('has the policies this test expects in the realm file', () => {
    expect(realm.failureFactor).toBe(5);
    expect(realm.passwordPolicy).toContain('length(12)');
  });

  it(`locks an account after ${realm.failureFactor} wrong passwords, even for the right one`, async () => {
    const user = await createUser();
    expect((await passwordGrant(issuer(), user.username, GOOD_PASSWORD)).status).toBe(200);
    for (let attempt = 0; attempt < realm.failureFactor; attempt += 1) {
      const wrong = await passwordGrant(issuer(), user.username, `Wrong#Password${attempt}`);
      expect(wrong.status).toBe(401);
      expect(wrong.body.error).toBe('invalid_grant');
    }
    const locked = await passwordGrant(issuer(), user.username, GOOD_PASSWORD);
    expect(locked.body.access_token).toBeUndefined();
    expect(locked.body.error).toBe('invalid_grant');
    const status = await keycloakAdmin().request<{ disabled: boolean; numFailures: number }>(
      'GET',
      `/attack-detection/brute-force/users/${user.id}`,
    );
    expect(status).toMatchObject({ disabled: true, numFailures: realm.failureFactor });
    // An administrator can lift the lockout.
    await keycloakAdmin().request('DELETE', `/attack-detection/brute-force/users/${user.id}`);
    expect((await passwordGrant(issuer(), user.username, GOOD_PASSWORD)).status).toBe(200);
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
    expect((await passwordGrant(issuer(), user.username, next)).status).toBe(200);
    await expect(reset(GOOD_PASSWORD)).rejects.toThrow(/HTTP 400/);
  });
});
