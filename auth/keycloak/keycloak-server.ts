import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_CLIENT_SECRETS_FILE, DEMO_USERS_FILES } from '../demo-realm';
import { keycloakEnvironment, type KeycloakDistribution } from './keycloak-distribution';

export const REALM = 'transport';

/** The demo profile: the demo users file imported beside the realm, the demo client secrets set after start. */
export const KEYCLOAK_DEMO_PROFILE = { usersFile: DEMO_USERS_FILES[0], clientSecretsFile: DEMO_CLIENT_SECRETS_FILE };

export interface KeycloakStartOptions {
  distribution: KeycloakDistribution;
  /** The realm export (clients, scopes, roles, flows; no users or secrets). */
  realmFile: string;
  /** Demo profile: the demo users file Keycloak imports beside the realm, and the demo client secrets set after start. */
  demo?: { usersFile: string; clientSecretsFile: string };
  port: number;
  managementPort: number;
  host?: string;
  logFile: string;
  /** How long to wait for the realm to answer. */
  startTimeoutMs?: number;
}

export interface RunningKeycloak {
  url: string;
  issuer: string;
  pid: number;
  /** The temporary master-realm administrator's password (user `admin`), new at each start. */
  adminPassword: string;
  admin: KeycloakAdmin;
  /** Settles when the server process exits, for whatever reason. */
  exited: Promise<void>;
  /** Stops the server (SIGTERM to its process group) and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Starts a built distribution with `kc.sh start --optimized --import-realm`. Keycloak imports every file
 * in `<home>/data/import`; the folder is written afresh, with `transport-realm.json` and, in the demo
 * profile only, `transport-users-0.json` (the names its directory import pairs). One instance per
 * distribution at a time.
 */
export async function startKeycloak(options: KeycloakStartOptions): Promise<RunningKeycloak> {
  const { distribution, port } = options;
  const host = options.host ?? '127.0.0.1';
  const url = `http://localhost:${port}`;
  const importDirectory = join(distribution.home, 'data', 'import');
  rmSync(importDirectory, { recursive: true, force: true });
  mkdirSync(importDirectory, { recursive: true });
  copyFileSync(options.realmFile, join(importDirectory, `${REALM}-realm.json`));
  if (options.demo) copyFileSync(options.demo.usersFile, join(importDirectory, `${REALM}-users-0.json`));

  const adminPassword = randomBytes(18).toString('base64url');
  const log = openSync(options.logFile, 'a');
  const child = spawn(
    join(distribution.home, 'bin', 'kc.sh'),
    [
      'start',
      '--optimized',
      '--import-realm',
      '--http-enabled=true',
      `--http-host=${host}`,
      `--http-port=${port}`,
      `--http-management-port=${options.managementPort}`,
      // Tokens carry this issuer whichever address a client used; the gateway fetches keys at 127.0.0.1.
      `--hostname=${url}`,
      '--hostname-backchannel-dynamic=true',
    ],
    {
      env: keycloakEnvironment(distribution.java.home, {
        // A temporary administrator of the master realm, for this run only (Keycloak 26's bootstrap admin).
        KC_BOOTSTRAP_ADMIN_USERNAME: 'admin',
        KC_BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
      }),
      stdio: ['ignore', log, log],
      detached: true,
    },
  );
  // Not holding this process open: a test run's setup returns while Keycloak keeps running.
  child.unref();
  if (!child.pid) throw new Error('kc.sh did not start');
  const pid = child.pid;
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const stop = () => stopProcessGroup(pid);

  const deadline = Date.now() + (options.startTimeoutMs ?? 180_000);
  const ready = `http://127.0.0.1:${options.managementPort}/health/ready`;
  for (;;) {
    if (exited) throw new Error(`Keycloak exited while starting (log: ${options.logFile})`);
    try {
      const response = await fetch(ready, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Keycloak was not ready after ${options.startTimeoutMs ?? 180_000} ms (log: ${options.logFile})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  const admin = new KeycloakAdmin(url, adminPassword);
  if (options.demo) {
    const secrets = JSON.parse(readFileSync(options.demo.clientSecretsFile, 'utf8')) as Record<string, string>;
    for (const [clientId, secret] of Object.entries(secrets)) await admin.setClientSecret(clientId, secret);
  }
  return { url, issuer: `${url}/realms/${REALM}`, pid, adminPassword, admin, exited: exit, stop };
}

/** Whether a process group (kc.sh and its java) still has a member. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops a Keycloak started detached (its process group: kc.sh and java) and waits until it is gone:
 * SIGTERM for a graceful shutdown, SIGKILL after `graceMs`.
 */
export async function stopProcessGroup(pid: number, graceMs = 30_000): Promise<void> {
  if (!groupAlive(pid)) return;
  process.kill(-pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
}

export class KeycloakAdminError extends Error {}

/** How long one admin API call may take (a key rotation or an import answers within a few seconds here). */
const ADMIN_TIMEOUT_MS = 30_000;

/** Keycloak's admin REST API, as the temporary master-realm administrator. */
export class KeycloakAdmin {
  private token: { value: string; until: number } | null = null;

  constructor(
    readonly url: string,
    private readonly password: string,
  ) {}

  private async accessToken(): Promise<string> {
    if (this.token && this.token.until > Date.now()) return this.token.value;
    const response = await fetch(`${this.url}/realms/master/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: 'admin-cli',
        username: 'admin',
        password: this.password,
      }),
      signal: AbortSignal.timeout(ADMIN_TIMEOUT_MS),
    });
    const body = (await response.json()) as { access_token?: string; expires_in?: number };
    if (!body.access_token) throw new KeycloakAdminError(`no admin token: HTTP ${response.status}`);
    this.token = { value: body.access_token, until: Date.now() + ((body.expires_in ?? 60) - 10) * 1000 };
    return body.access_token;
  }

  /** A call below `/admin/realms/<realm>`; the answer's JSON, or null for an empty one. */
  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}/admin/realms/${REALM}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await this.accessToken()}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(ADMIN_TIMEOUT_MS),
    });
    const text = await response.text();
    if (!response.ok) throw new KeycloakAdminError(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  async clientUuid(clientId: string): Promise<string> {
    const [client] = await this.request<Array<{ id: string }>>(
      'GET',
      `/clients?clientId=${encodeURIComponent(clientId)}`,
    );
    if (!client) throw new KeycloakAdminError(`no client ${clientId} in realm ${REALM}`);
    return client.id;
  }

  /** Sets a confidential client's secret (what an operator does in the admin console, Clients → Credentials). */
  async setClientSecret(clientId: string, secret: string): Promise<void> {
    const id = await this.clientUuid(clientId);
    const client = await this.request<Record<string, unknown>>('GET', `/clients/${id}`);
    await this.request('PUT', `/clients/${id}`, { ...client, secret });
  }

  async userId(username: string): Promise<string> {
    const [user] = await this.request<Array<{ id: string }>>(
      'GET',
      `/users?username=${encodeURIComponent(username)}&exact=true`,
    );
    if (!user) throw new KeycloakAdminError(`no user ${username} in realm ${REALM}`);
    return user.id;
  }

  /**
   * Creates a user with realm roles. Keycloak's user endpoint ignores `realmRoles` in the representation,
   * so the roles are mapped in a second call, as the admin console does.
   */
  async createUser(user: Record<string, unknown>, realmRoles: string[]): Promise<string> {
    await this.request('POST', '/users', user);
    const id = await this.userId(String(user.username));
    const roles = await Promise.all(
      realmRoles.map((role) => this.request<unknown>('GET', `/roles/${encodeURIComponent(role)}`)),
    );
    if (roles.length > 0) await this.request('POST', `/users/${id}/role-mappings/realm`, roles);
    return id;
  }
}
