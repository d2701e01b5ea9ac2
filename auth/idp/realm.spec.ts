import { readFileSync } from 'node:fs';
import { PERMISSION_CATEGORY } from '../../platform/auth/permission.policy';
import { regionCodeProblem } from '../../platform/codes/region-code';
import { DEMO_CLIENT_SECRETS_FILE, DEMO_USERS_FILES, loadDemoRealm, REALM_FILE } from '../demo-realm';
import { Realm } from './realm';

// The realm file is what Keycloak imports in production and what the embedded provider serves on
// laptops with the demo users and secrets of auth/demo/; these checks catch a realm that Keycloak
// would import "successfully" but serve wrongly.
const realmText = readFileSync(REALM_FILE, 'utf8');
const raw = JSON.parse(realmText) as {
  components: Record<string, Array<{ providerId: string; config: Record<string, string[]> }>>;
  users: Array<{ username: string; credentials?: unknown[] }>;
  clients: Array<{ clientId: string; secret?: string }>;
};
const realm = loadDemoRealm();
const people = realm.settings.users.filter((user) => !user.serviceAccountClientId);

const DIRECTORY_CLIENT = 'single-window-directory';

describe('realm transport', () => {
  it('applies the MLPS level-3 sign-in policy', () => {
    expect(realm.settings).toMatchObject({
      realm: 'transport',
      enabled: true,
      sslRequired: 'external',
      bruteForceProtected: true,
      permanentLockout: false,
      failureFactor: 5,
      waitIncrementSeconds: 60,
      maxFailureWaitSeconds: 900,
      maxDeltaTimeSeconds: 43200,
      accessTokenLifespan: 300,
      ssoSessionIdleTimeout: 1800,
      ssoSessionMaxLifespan: 36000,
    });
  });

  it.each([
    ['ministry-admin', '000000', 'ministry'],
    ['js-licensing-officer', '320000', 'licensing'],
    ['js-licensing-reviewer', '320000', 'licensing'],
    ['zj-licensing-officer', '330100', 'licensing'],
    ['zj-licensing-reviewer', '330000', 'licensing'],
    ['nj-enforcement-officer', '320100', 'enforcement'],
    ['js-enforcement-supervisor', '320000', 'enforcement'],
    ['zj-enforcement-officer', '330000', 'enforcement'],
    ['zj-enforcement-supervisor', '330000', 'enforcement'],
    ['hz-enforcement-officer', '330100', 'enforcement'],
    ['js-credit-officer', '320000', 'credit'],
    ['js-safety-officer', '320000', 'safety'],
    ['ministry-analyst', '000000', 'statistics'],
    ['js-statistics-analyst', '320000', 'statistics'],
    ['js-pii-officer', '320000', 'enforcement'],
  ])('gives %s the region %s and department %s in the gateway token', (username, region, department) => {
    const user = realm.user(username);
    expect(user).toBeDefined();
    const claims = realm.userClaims(user!, realm.client('single-window-cli'), 'access');
    expect(claims).toMatchObject({ sub: user!.id, preferred_username: username, region, department });
  });

  it('names the partner client a partner administrator administers in the gateway token, and no one else', () => {
    const partnerAdmin = realm.user('ndrc-partner-admin')!;
    const cli = realm.client('single-window-cli');
    expect(realm.userClaims(partnerAdmin, cli, 'access')).toMatchObject({ partner_client: 'partner-ndrc' });
    expect(realm.userClaims(realm.user('ministry-admin')!, cli, 'access')).not.toHaveProperty('partner_client');
  });

  it("gives the ministry administrator every officer's role, but not the machine clients' or the exchange's", () => {
    const admin = realm.user('ministry-admin')!;
    const allRoles = realm.settings.roles.realm.map((role) => role.name);
    // partner-reader would cut the administrator down to a partner's data categories; a partner's
    // administrator is a partner's person, and approving data sharing is a department's own duty.
    const notOfficers = [
      'weigh-station',
      'vehicle-monitoring',
      'partner-reader',
      'partner-admin',
      'data-sharing-approver',
    ];
    expect(realm.effectiveRealmRoles(admin).sort()).toEqual(
      allRoles.filter((role) => !notOfficers.includes(role)).sort(),
    );
  });

  it('lets every demo user sign in with a password that meets the realm password policy', () => {
    for (const user of people) {
      const password = realm.demoPassword(user) ?? '';
      expect(realm.accountProblem(user)).toBeNull();
      expect(password.length).toBeGreaterThanOrEqual(12);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/\d/);
      expect(password).toMatch(/[^A-Za-z0-9]/);
      expect(password).not.toContain(user.username);
      // Keycloak's user profile requires these, without the characters its person-name validator
      // refuses, or it asks the user to "update the profile" and refuses direct grants meanwhile.
      expect([user.firstName, user.lastName, user.email].every(Boolean)).toBe(true);
      for (const name of [user.firstName, user.lastName]) expect(name).not.toMatch(/[<>&"$%!#?§;*~/\\|^=[\]{}()]/);
    }
  });

  it('uses only defined roles and GB/T 2260 regions', () => {
    const roles = new Set(realm.settings.roles.realm.map((role) => role.name));
    for (const user of realm.settings.users) {
      for (const role of user.realmRoles) expect(roles).toContain(role);
      const [region] = user.attributes.region ?? [''];
      expect([user.username, regionCodeProblem(region, { allowNational: true })]).toEqual([user.username, null]);
      expect(user.attributes.department?.[0]).toBeTruthy();
    }
    for (const role of realm.settings.roles.realm) expect(role.description).toBeTruthy();
  });

  it('has a service-account user for every client with a service account', () => {
    for (const client of realm.clients.filter((candidate) => candidate.serviceAccountsEnabled)) {
      expect(realm.serviceAccountUser(client.clientId)?.username).toBe(`service-account-${client.clientId}`);
    }
    const partner = realm.serviceAccountUser('partner-ndrc')!;
    expect(realm.effectiveRealmRoles(partner)).toEqual(['partner-reader']);
    expect(partner.attributes).toMatchObject({ region: ['000000'], department: ['partner:ndrc'] });
  });

  it('puts the gateway audience, subject, roles, region and department into every client token', () => {
    // The directory client calls the identity provider's admin API, not the gateway (next test).
    const clients = realm.clients.filter((client) => !client.bearerOnly && client.clientId !== DIRECTORY_CLIENT);
    expect(clients.map((client) => client.clientId).sort()).toEqual([
      'partner-ndrc',
      'partner-samr',
      'single-window-cli',
      'vehicle-monitoring-js-0001',
      'weigh-station-js-0001',
    ]);
    for (const client of clients) {
      expect(realm.audiences(client)).toEqual(['single-window-gateway']);
      const user = realm.serviceAccountUser(client.clientId) ?? realm.user('js-licensing-officer')!;
      expect(Object.keys(realm.userClaims(user, client, 'access'))).toEqual(
        expect.arrayContaining(['sub', 'preferred_username', 'realm_access', 'region', 'department']),
      );
    }
  });

  it('gives the directory client realm-management client rights and no realm role', () => {
    const account = realm.serviceAccountUser(DIRECTORY_CLIENT)!;
    expect(account.realmRoles).toEqual([]);
    expect(account.clientRoles).toEqual({ 'realm-management': ['view-clients', 'manage-clients'] });
    expect(realm.client(DIRECTORY_CLIENT)?.standardFlowEnabled).toBe(false);
  });

  it('declares every client scope a client uses (Keycloak skips missing ones with only a warning)', () => {
    const declared = new Set(realm.settings.clientScopes.map((scope) => scope.name));
    for (const client of realm.clients)
      for (const scope of client.defaultClientScopes)
        expect([client.clientId, declared.has(scope)]).toEqual([client.clientId, true]);
  });

  it('grants partner clients only data categories the permission policy knows', () => {
    const categories = new Set(Object.values(PERMISSION_CATEGORY).map((category) => `category:${category}`));
    const granted = realm
      .tokenScope(realm.client('partner-ndrc'), undefined)
      .split(' ')
      .filter((scope) => scope.startsWith('category:'));
    expect(granted.length).toBeGreaterThan(0);
    for (const scope of granted) expect(categories).toContain(scope);
  });

  it("lets only administrators change a user's region or department", () => {
    const [profile] = raw.components['org.keycloak.userprofile.UserProfileProvider'];
    const config = JSON.parse(profile.config['kc.user.profile.config'][0]) as {
      attributes: Array<{ name: string; permissions: { edit: string[] } }>;
      unmanagedAttributePolicy?: string;
    };
    for (const name of ['region', 'department']) {
      expect(config.attributes.find((attribute) => attribute.name === name)?.permissions.edit).toEqual(['admin']);
    }
    expect(config.unmanagedAttributePolicy ?? 'DISABLED').not.toBe('ENABLED');
  });

  it('keeps user credentials and client secrets out of the production realm file', () => {
    for (const user of raw.users) expect([user.username, user.credentials ?? []]).toEqual([user.username, []]);
    for (const client of raw.clients) expect([client.clientId, client.secret]).toEqual([client.clientId, undefined]);
    const demoSecrets = [
      ...Object.values(JSON.parse(readFileSync(DEMO_CLIENT_SECRETS_FILE, 'utf8')) as Record<string, string>),
      ...people.flatMap((user) => [
        realm.demoPassword(user) ?? '',
        ...realm.oneTimeCodeCredentials(user).map((credential) => credential.secret),
      ]),
    ].filter(Boolean);
    expect(demoSecrets.length).toBeGreaterThan(people.length);
    for (const secret of demoSecrets) expect(realmText).not.toContain(secret);
    expect(Realm.fromFile(REALM_FILE).settings.users.every((user) => user.serviceAccountClientId)).toBe(true);
    expect(DEMO_USERS_FILES.length).toBeGreaterThan(0);
  });

  it('binds browser and direct grant flows that exist and name only defined flows, configs and roles', () => {
    expect(realm.flows.missingReferences()).toEqual([]);
    for (const alias of [realm.settings.browserFlow, realm.settings.directGrantFlow])
      expect(realm.flows.flow(alias)?.topLevel).toBe(true);
    const roles = new Set(realm.settings.roles.realm.map((role) => role.name));
    for (const config of realm.settings.authenticatorConfig)
      if (config.config.condUserRole !== undefined) expect(roles).toContain(config.config.condUserRole);
  });

  it('asks admin and pii-reader users for a one-time code in the browser and refuses them the password grant', () => {
    for (const user of people) {
      const roles = realm.effectiveRealmRoles(user);
      const privileged = roles.includes('admin') || roles.includes('pii-reader');
      expect([user.username, realm.oneTimeCodeRequired(user)]).toEqual([user.username, privileged]);
      expect([user.username, realm.passwordGrantRefusal(user) !== null]).toEqual([user.username, privileged]);
      // One code, even for a user with both roles.
      const codeSteps = realm.browserSteps(user).filter((step) => step.authenticator === 'auth-otp-form');
      expect(codeSteps.length).toBe(privileged ? 1 : 0);
    }
  });

  it('gives every demo user the flows ask for a code an authenticator matching the OTP policy', () => {
    expect(realm.oneTimeCodePolicy).toEqual({
      type: 'totp',
      algorithm: 'HmacSHA1',
      digits: 6,
      period: 30,
      lookAheadWindow: 1,
      codeReusable: false,
    });
    for (const user of people.filter((candidate) => realm.oneTimeCodeRequired(candidate))) {
      const [credential] = realm.oneTimeCodeCredentials(user);
      expect([user.username, credential]).toEqual([
        user.username,
        expect.objectContaining({ subType: 'totp', algorithm: 'HmacSHA1', digits: 6, period: 30 }),
      ]);
    }
  });
});
