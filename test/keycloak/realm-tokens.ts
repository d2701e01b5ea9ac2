import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../harness/service-processes';

// Token requests straight to a provider's token endpoint (no cache), for comparing real Keycloak with
// the embedded provider. Demo users and secrets come from the demo files Keycloak imported.

interface DemoUser {
  username: string;
  realmRoles: string[];
  credentials: Array<{ type: string; value?: string }>;
}

const demoUsers = (
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'auth', 'demo', 'transport-users-0.json'), 'utf8')) as {
    users: DemoUser[];
  }
).users;
export const DEMO_CLIENT_SECRETS = JSON.parse(
  readFileSync(join(PROJECT_ROOT, 'auth', 'demo', 'client-secrets.json'), 'utf8'),
) as Record<string, string>;

/** Roles whose users sign in with a one-time code and may not use the password grant (the realm's flows). */
export const PRIVILEGED_ROLES = ['admin', 'pii-reader'];

export const DEMO_USERS = demoUsers.map((user) => ({
  username: user.username,
  password: user.credentials.find((credential) => credential.type === 'password')?.value ?? '',
  privileged: user.realmRoles.some((role) => PRIVILEGED_ROLES.includes(role)),
}));

export interface TokenAnswer {
  status: number;
  body: {
    access_token?: string;
    refresh_token?: string;
    expires_in?: number;
    error?: string;
    error_description?: string;
  };
  /** The answer's text when it was not JSON (Keycloak answers a denied password grant with an HTML page). */
  text: string;
}

export async function tokenRequest(issuer: string, parameters: Record<string, string>): Promise<TokenAnswer> {
  const response = await fetch(`${issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams(parameters),
  });
  const text = await response.text();
  let body: TokenAnswer['body'] = {};
  try {
    body = JSON.parse(text) as TokenAnswer['body'];
  } catch {
    // not JSON
  }
  return { status: response.status, body, text };
}

export function passwordGrant(issuer: string, username: string, password: string): Promise<TokenAnswer> {
  return tokenRequest(issuer, { grant_type: 'password', client_id: 'single-window-cli', username, password });
}

export function clientCredentials(
  issuer: string,
  clientId: string,
  secret = DEMO_CLIENT_SECRETS[clientId],
): Promise<TokenAnswer> {
  return tokenRequest(issuer, { grant_type: 'client_credentials', client_id: clientId, client_secret: secret });
}

export function accessToken(answer: TokenAnswer, who: string): string {
  if (!answer.body.access_token) {
    throw new Error(`no token for ${who}: HTTP ${answer.status} ${answer.text.slice(0, 300)}`);
  }
  return answer.body.access_token;
}
