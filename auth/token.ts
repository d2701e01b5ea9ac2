import { join } from 'node:path';
import { loadConfigOrExit } from '../platform/config/config';
import { loadDemoRealm } from './demo-realm';
import { demoBrowserSignIn, fileCodeStepLedger, needsBrowserSignIn } from './demo-sign-in';
import type { Realm } from './idp/realm';
import { SignInError } from './sign-in';

// `npm run -s token -- <username | client id>` prints a fresh access token from the realm's token
// endpoint (OIDC_ISSUER, default http://localhost:8080/realms/transport), and nothing else on stdout.
// Demo users sign in with the password grant through the public CLI client, except those the realm's
// flows refuse it (admin, pii-reader: MLPS level 3 wants a second factor): they sign in through the
// browser flow, typing the one-time code their demo authenticator shows (auth/demo/). A confidential
// client with a service account uses client credentials, with its demo secret from
// auth/demo/client-secrets.json. The same requests work against a real Keycloak:
//
//   curl -s http://localhost:8080/realms/transport/protocol/openid-connect/token \
//     -d grant_type=password -d client_id=single-window-cli -d username=js-licensing-officer -d 'password=SingleWindow#2026'
//   curl -s http://localhost:8080/realms/transport/protocol/openid-connect/token \
//     -d grant_type=client_credentials -d client_id=partner-ndrc -d client_secret=<secret from auth/demo/client-secrets.json>

const CLI_CLIENT_ID = 'single-window-cli';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function unreachable(issuer: string, error: unknown): never {
  const cause =
    error instanceof Error && error.cause instanceof Error
      ? error.cause.message
      : error instanceof Error
        ? error.message
        : String(error);
  fail(`the OpenID provider at ${issuer} is not reachable (${cause}); start it with \`npm start\` or set OIDC_ISSUER`);
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
      `no demo user or machine client "${name}" in auth/demo/.\n  users: ${users.join(', ')}\n  clients: ${clients.join(', ')}`,
    );
  }
  return new URLSearchParams({ grant_type: 'password', client_id: CLI_CLIENT_ID, username: user.username, password });
}

async function browserToken(realm: Realm, issuer: string, name: string, dataDir: string): Promise<string> {
  // Codes are single-use: the last time step used per user is kept, so two runs within one step
  // do not send the same code (the second waits for, or looks ahead to, the next step).
  const ledger = fileCodeStepLedger(join(dataDir, 'demo-code-steps.json'));
  try {
    const tokens = await demoBrowserSignIn(realm, issuer, name, ledger, (waitMs) =>
      process.stderr.write(`waiting ${Math.ceil(waitMs / 1000)} s for the next one-time code of ${name}\n`),
    );
    return tokens.access_token;
  } catch (error) {
    if (error instanceof SignInError) fail(`no token for ${name}: ${error.message}`);
    unreachable(issuer, error);
  }
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name) fail('usage: npm run -s token -- <username | client id>   (for example ministry-admin or partner-ndrc)');
  const config = loadConfigOrExit();
  const realm = loadDemoRealm();
  const issuer = config.oidc.issuer;
  if (needsBrowserSignIn(realm, name)) {
    process.stdout.write(`${await browserToken(realm, issuer, name, config.dataDir)}\n`);
    return;
  }

  let response: Response;
  try {
    response = await fetch(`${issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      body: tokenRequest(realm, name),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    unreachable(issuer, error);
  }
  const body = (await response.json().catch(() => ({}))) as {
    access_token?: string;
    error?: string;
    error_description?: string;
  };
  // A provider whose flows differ from the demo realm's may still refuse the password grant.
  if (body.error === 'access_denied' && realm.user(name)) {
    process.stdout.write(`${await browserToken(realm, issuer, name, config.dataDir)}\n`);
    return;
  }
  if (!response.ok || !body.access_token) {
    fail(`no token for ${name}: HTTP ${response.status} ${body.error ?? ''} ${body.error_description ?? ''}`.trim());
  }
  process.stdout.write(`${body.access_token}\n`);
}

main().catch((error: unknown) =>
  fail(`token request failed: ${error instanceof Error ? error.message : String(error)}`),
);
