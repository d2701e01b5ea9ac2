import { decodeJwt } from 'jose';
import { loadDemoRealm } from '../../auth/demo-realm';
import { KeycloakPartnerDirectory } from '../../gateway/exchange/directory/partner-directory';
import { accessToken, clientCredentials } from './realm-tokens';
import { keycloakAdmin, keycloakState } from './keycloak-control';

// The grant sync's directory against real Keycloak 26: as its own admin client (single-window-directory,
// realm-management view-clients and manage-clients) it sets partner-ndrc's category:* default client
// scopes through the admin REST API, and the client's next token follows. Other scopes are left alone.

const realm = loadDemoRealm();
const SEED = ['credit', 'licensing', 'registry', 'statistics'];

function directory(clientSecret = realm.client('single-window-directory')?.secret ?? ''): KeycloakPartnerDirectory {
  return new KeycloakPartnerDirectory({
    issuer: keycloakState().issuer,
    clientId: 'single-window-directory',
    clientSecret,
  });
}

async function tokenScopes(): Promise<string[]> {
  const token = accessToken(await clientCredentials(keycloakState().issuer, 'partner-ndrc'), 'partner-ndrc');
  const scope = decodeJwt(token).scope;
  return (typeof scope === 'string' ? scope : '').split(' ').filter(Boolean).sort();
}

async function defaultScopes(): Promise<string[]> {
  const admin = keycloakAdmin();
  const id = await admin.clientUuid('partner-ndrc');
  const scopes = await admin.request<Array<{ name: string }>>('GET', `/clients/${id}/default-client-scopes`);
  return scopes.map((scope) => scope.name).sort();
}

describe('partner categories in real Keycloak', () => {
  afterAll(async () => {
    await directory().setCategories('partner-ndrc', new Set(SEED));
  });

  it('adds a granted category as a default client scope, and the next token carries it', async () => {
    const before = await defaultScopes();
    await directory().setCategories('partner-ndrc', new Set([...SEED, 'safety']));
    expect(await tokenScopes()).toContain('category:safety');
    // Only category:* scopes change: the others stay as the realm has them.
    expect(await defaultScopes()).toEqual([...before, 'category:safety'].sort());
  });

  it('removes a category no longer granted, and the next token no longer carries it', async () => {
    await directory().setCategories('partner-ndrc', new Set(['credit', 'registry']));
    const scopes = await tokenScopes();
    expect(scopes).not.toContain('category:safety');
    expect(scopes).not.toContain('category:licensing');
    expect(scopes).toEqual(expect.arrayContaining(['category:credit', 'category:registry', 'profile', 'email']));
  });

  it('is refused with a wrong secret, and changes nothing', async () => {
    const before = await defaultScopes();
    await expect(directory('not-the-secret').setCategories('partner-ndrc', new Set(SEED))).rejects.toThrow(/no token/);
    expect(await defaultScopes()).toEqual(before);
  });
});
