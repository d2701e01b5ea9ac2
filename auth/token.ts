import { join } from 'node:path';
import { loadConfigOrExit } from '../platform/config/config';
import { Realm } from './idp/realm';

// `npm run -s token -- <username | client id>` prints a fresh access token from the realm's token
// endpoint (OIDC_ISSUER, default http://localhost:8080/realms/transport), and nothing else on stdout.
// Demo users sign in with the password grant through the public CLI client; a confidential client with
// a service account uses client credentials. Credentials come from the realm file. The same requests
// work against a real Keycloak:
//
//   curl -s http://localhost:8080/realms/transport/protocol/openid-connect/token \
//     -d grant_type=password -d client_id=single-window-cli -d username=ministry-admin -d 'password=SingleWindow#2026'
//   curl -s http://localhost:8080/realms/transport/protocol/openid-connect/token \
//     -d grant_type=client_credentials -d client_id=partner-ndrc -d client_secret=<secret from the realm file>

const CLI_CLIENT_ID = 'single-window-cli';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function tokenRequest(realm: Realm, name: string): URLSearchParams {
  const client = realm.client(name);
  if (client?.serviceAccountsEnabled && client.secret) {
    return new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.secret,
    });
  }
  const user = realm.user(name);
  const password = user ? realm.demoPassword(user) : undefined;
  if (!user || !password) {
    const users = realm.settings.users
      .filter((candidate) => !candidate.serviceAccountClientId)
      .map((candidate) => candidate.username);
    const clients = realm.clients
      .filter((candidate) => candidate.serviceAccountsEnabled)
      .map((candidate) => candidate.clientId);
    fail(
      `no demo user or machine client "${name}" in the realm file.\n  users: ${users.join(', ')}\n  clients: ${clients.join(', ')}`,
    );
  }
  return new URLSearchParams({ grant_type: 'password', client_id: CLI_CLIENT_ID, username: user.username, password });
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name) fail('usage: npm run -s token -- <username | client id>   (for example ministry-admin or partner-ndrc)');
  const config = loadConfigOrExit();
  const realm = Realm.fromFile(join(__dirname, '..', '..', 'auth', 'realm-transport.json'));
  const endpoint = `${config.oidc.issuer}/protocol/openid-connect/token`;

  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      body: tokenRequest(realm, name),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    const cause =
      error instanceof Error && error.cause instanceof Error
        ? error.cause.message
        : error instanceof Error
          ? error.message
          : String(error);
    fail(
      `the OpenID provider at ${config.oidc.issuer} is not reachable (${cause}); start it with \`npm start\` or set OIDC_ISSUER`,
    );
  }
  const body = (await response.json().catch(() => ({}))) as {
    access_token?: string;
    error?: string;
    error_description?: string;
  };
  if (!response.ok || !body.access_token) {
    fail(`no token for ${name}: HTTP ${response.status} ${body.error ?? ''} ${body.error_description ?? ''}`.trim());
  }
  process.stdout.write(`${body.access_token}\n`);
}

main().catch((error: unknown) =>
  fail(`token request failed: ${error instanceof Error ? error.message : String(error)}`),
);
