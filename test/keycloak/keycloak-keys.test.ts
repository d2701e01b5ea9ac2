import { decodeProtectedHeader } from 'jose';
import { readState } from '../harness/harness-state';
import { ACCEPTED, eventually, gatewayAnswer, REFUSED } from './gateway-answers';
import { JWKS_REFRESH_SECONDS } from './global-setup';
import { keycloakAdmin, keycloakState } from './keycloak-control';
import { passwordGrant } from '../harness/single-window.client';
import { accessToken, DEMO_USERS } from './realm-tokens';

// Key rotation through Keycloak's admin API while the gateway runs: a new active key is accepted without
// a restart, and tokens signed by a key removed from the realm are refused (after at most one JWKS
// refresh interval, OIDC_JWKS_REFRESH_SECONDS, 5 s in this run).

const officer = DEMO_USERS.find((user) => user.username === 'js-licensing-officer')!;

interface RealmKeys {
  active: Record<string, string>;
  keys: Array<{ kid: string; providerId: string; algorithm: string; status: string; providerPriority: number }>;
}

describe('signing key rotation in Keycloak, with the gateway running', () => {
  const issuer = () => keycloakState().issuer;
  const signIn = async () =>
    accessToken(await passwordGrant(officer.username, officer.password, issuer()), officer.username);

  it('accepts tokens of a new active key at once and refuses those of a removed key', async () => {
    const admin = keycloakAdmin();
    const gatewayPid = readState().services.gateway.pid;
    const before = await admin.request<RealmKeys>('GET', '/keys');
    const oldKid = before.active.RS256;
    const oldProvider = before.keys.find((key) => key.kid === oldKid)!.providerId;
    const oldToken = await signIn();
    expect(decodeProtectedHeader(oldToken).kid).toBe(oldKid);
    expect(await gatewayAnswer(oldToken)).toEqual(ACCEPTED);

    // A new RSA key with a higher priority becomes the active one.
    await admin.request('POST', '/components', {
      name: `rotated-${Date.now()}`,
      providerId: 'rsa-generated',
      providerType: 'org.keycloak.keys.KeyProvider',
      parentId: 'transport',
      config: { priority: ['500'], enabled: ['true'], active: ['true'], algorithm: ['RS256'], keySize: ['2048'] },
    });
    const after = await admin.request<RealmKeys>('GET', '/keys');
    expect(after.active.RS256).not.toBe(oldKid);
    const newToken = await signIn();
    expect(decodeProtectedHeader(newToken).kid).toBe(after.active.RS256);
    // An unseen kid makes the gateway fetch the keys again (at most once per cooldown, here 5 s).
    expect(await eventually(newToken, ACCEPTED, 2 * JWKS_REFRESH_SECONDS * 1000)).toEqual(ACCEPTED);
    // The old key is still in the realm (passive now): its tokens still work.
    expect(await gatewayAnswer(oldToken)).toEqual(ACCEPTED);

    // Removing the old key's provider takes the key out of the realm's JWKS.
    await admin.request('DELETE', `/components/${oldProvider}`);
    const removed = Date.now();
    expect(await eventually(oldToken, REFUSED, 4 * JWKS_REFRESH_SECONDS * 1000)).toEqual(REFUSED);
    // Refused because the gateway refreshed its keys, not because it ever stops trusting: the new key works.
    expect(Date.now() - removed).toBeLessThan(4 * JWKS_REFRESH_SECONDS * 1000);
    expect(await gatewayAnswer(newToken)).toEqual(ACCEPTED);
    expect(await gatewayAnswer(await signIn())).toEqual(ACCEPTED);
    // No restart was needed.
    expect(readState().services.gateway.pid).toBe(gatewayPid);
  });
});
