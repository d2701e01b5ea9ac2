import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './harness/service-processes';
import { demoPassword, passwordGrant } from './harness/single-window.client';

// This user is locked out by this test and used by no other.
const USER = 'zj-licensing-officer';

const realm = JSON.parse(readFileSync(join(PROJECT_ROOT, 'auth', 'realm-transport.json'), 'utf8')) as {
  bruteForceProtected: boolean;
  failureFactor: number;
  accessTokenLifespan: number;
};

function signIn(password: string) {
  return passwordGrant(USER, password);
}

describe('the sign-in policy (MLPS level 3)', () => {
  it('issues access tokens that live only minutes', async () => {
    const { body } = await signIn(demoPassword(USER));
    const claims = JSON.parse(Buffer.from(body.access_token!.split('.')[1], 'base64url').toString('utf8')) as {
      iat: number;
      exp: number;
    };
    expect(claims.exp - claims.iat).toBe(realm.accessTokenLifespan);
    expect(realm.accessTokenLifespan).toBeLessThanOrEqual(600);
  });

  it('locks a user out after repeated failures, refusing even the right password', async () => {
    expect(realm.bruteForceProtected).toBe(true);
    for (let attempt = 0; attempt < realm.failureFactor; attempt += 1) {
      const failed = await signIn('wrong-password-1A!');
      expect(failed).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    }
    const locked = await signIn(demoPassword(USER));
    expect(locked.status).toBe(400);
    expect(locked.body.access_token).toBeUndefined();
    expect(locked.body.error).toBe('invalid_grant');
    expect(locked.body.error_description).toMatch(/disabled|locked/i);
  });
});
