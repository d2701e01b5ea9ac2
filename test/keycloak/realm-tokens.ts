import { loadDemoRealm } from '../../auth/demo-realm';
import { tokenRequest, type TokenAnswer } from '../harness/single-window.client';

// The demo users and machine clients, for comparing real Keycloak with the embedded provider: the same
// demo files Keycloak imported. Token requests go through the harness's tokenRequest (no cache).

const realm = loadDemoRealm();

/** Every demo person; `privileged`: the realm's flows refuse them the password grant (admin, pii-reader). */
export const DEMO_USERS = realm.settings.users
  .filter((user) => !user.serviceAccountClientId)
  .map((user) => ({
    username: user.username,
    password: realm.demoPassword(user) ?? '',
    privileged: realm.passwordGrantRefusal(user) !== null,
  }));

/**
 * The confidential clients with a demo secret that call the gateway (client credentials): those whose
 * service account holds a realm role. The gateway's directory client (single-window-directory) holds
 * none: it calls the identity provider's admin API only (test/keycloak/keycloak-directory.test.ts).
 */
export const MACHINE_CLIENTS = realm.clients
  .filter((client) => client.secret && (realm.serviceAccountUser(client.clientId)?.realmRoles.length ?? 0) > 0)
  .map((client) => client.clientId);

export function clientCredentials(
  issuer: string,
  clientId: string,
  secret = realm.client(clientId)?.secret ?? '',
): Promise<TokenAnswer> {
  return tokenRequest({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }, issuer);
}

export function accessToken(answer: TokenAnswer, who: string): string {
  if (!answer.body.access_token) {
    throw new Error(`no token for ${who}: HTTP ${answer.status} ${answer.text.slice(0, 300)}`);
  }
  return answer.body.access_token;
}
