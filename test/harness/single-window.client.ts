import { request as httpRequest } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { decodeJwt } from 'jose';
import { demoOneTimeCode, loadDemoRealm } from '../../auth/demo-realm';
import {
  demoBrowserSignIn,
  fileCodeStepLedger,
  needsBrowserSignIn,
  nextDemoCode,
  type CodeStepLedger,
} from '../../auth/demo-sign-in';
import { readState, writeState, type ServiceName } from './harness-state';
import { healthUrl, spawnService, stopProcess, waitFor } from './service-processes';

export interface GraphQLErrorBody {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string; field?: string; reason?: string; serviceName?: string; [key: string]: unknown };
}

export interface GraphQLResponse<TData> {
  status: number;
  data: TData | null | undefined;
  errors: GraphQLErrorBody[] | undefined;
  /** The response's extensions, e.g. the gateway's `valueCompletion` reports of values it had to null. */
  extensions?: Record<string, unknown>;
}

const realm = loadDemoRealm();

/** A demo user's password, from the demo users file (auth/demo/). */
export function demoPassword(username: string): string {
  const user = realm.user(username);
  const password = user ? realm.demoPassword(user) : undefined;
  if (!password) throw new Error(`no demo password for ${username} in the demo users file`);
  return password;
}

export function issuerUrl(): string {
  return readState().environment.OIDC_ISSUER;
}

interface CachedToken {
  accessToken: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

// A token is taken again when less than this is left of its life (access tokens live 300 s).
const MIN_TOKEN_LIFE_MS = 60_000;
const tokenCache = new Map<string, CachedToken>();

function fresh(token: CachedToken | undefined): token is CachedToken {
  return token !== undefined && token.expiresAt - Date.now() > MIN_TOKEN_LIFE_MS;
}

function expiresAt(accessToken: string): number {
  return (decodeJwt(accessToken).exp ?? 0) * 1000;
}

/**
 * Tokens of users who sign in with a one-time code, shared by the test files of one run (each file
 * loads the harness anew): every such sign-in spends a time step's code, and the provider refuses a
 * code used before, so they are kept in the run directory, and so is the last step used per user.
 */
function sharedTokensFile(): string {
  return join(readState().runDirectory, 'demo-sign-ins.json');
}

function readSharedTokens(): Record<string, CachedToken> {
  try {
    return JSON.parse(readFileSync(sharedTokensFile(), 'utf8')) as Record<string, CachedToken>;
  } catch {
    return {};
  }
}

function shareToken(key: string, token: CachedToken): void {
  writeFileSync(sharedTokensFile(), JSON.stringify({ ...readSharedTokens(), [key]: token }, null, 2));
}

/** The run's record of one-time code steps used, so no code is sent twice for a user. */
function codeStepLedger(): CodeStepLedger {
  return fileCodeStepLedger(join(readState().runDirectory, 'demo-code-steps.json'));
}

/**
 * A code the demo user's authenticator shows for a time step not used before in this run (waiting for
 * the next step when needed), recorded as used.
 */
export async function nextOneTimeCode(username: string): Promise<{ code: string; step: number }> {
  const next = await nextDemoCode(realm, username, codeStepLedger());
  if (!next) throw new Error(`${username} has no demo authenticator`);
  return next;
}

/** The code the demo user's authenticator shows for a given time step (to try one again). */
export function oneTimeCodeAt(username: string, step: number): string {
  const code = demoOneTimeCode(realm, username, { step })?.code;
  if (!code) throw new Error(`${username} has no demo authenticator`);
  return code;
}

/** Whether the realm's flows make this demo user sign in through the browser with a one-time code. */
export function signsInWithCode(username: string): boolean {
  return needsBrowserSignIn(realm, username);
}

/** A token endpoint's answer; `text` is the body as sent (Keycloak refuses some grants with an HTML page). */
export interface TokenAnswer {
  status: number;
  body: {
    access_token?: string;
    refresh_token?: string;
    expires_in?: number;
    error?: string;
    error_description?: string;
  };
  text: string;
}

/**
 * Posts a token request to a provider's token endpoint (the one the services trust unless `issuer` is
 * given). Once more when the provider closed a kept-alive connection just as it was reused ("other side
 * closed"), which a loaded machine makes likely; a token request may be repeated safely.
 */
export async function tokenRequest(parameters: Record<string, string>, issuer = issuerUrl()): Promise<TokenAnswer> {
  const send = () =>
    fetch(`${issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(parameters),
    });
  let response: Response;
  try {
    response = await send();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    response = await send();
  }
  const text = await response.text();
  let body: TokenAnswer['body'] = {};
  try {
    body = JSON.parse(text) as TokenAnswer['body'];
  } catch {
    // not JSON
  }
  return { status: response.status, body, text };
}

/** The password grant through the command-line client, as the token command sends it; a new token each time. */
export function passwordGrant(username: string, password = demoPassword(username), issuer = issuerUrl()) {
  return tokenRequest({ grant_type: 'password', client_id: 'single-window-cli', username, password }, issuer);
}

/**
 * A real access token for a demo user, from the running OpenID provider: the password grant, as the
 * CLI does, or, for users the realm's flows refuse it, the browser flow with their demo one-time code.
 */
export async function tokenFor(username: string): Promise<string> {
  const cached = tokenCache.get(username);
  if (fresh(cached)) return cached.accessToken;
  if (signsInWithCode(username)) {
    // Per provider instance: a Keycloak started again (test/keycloak) has new keys, so older tokens are dead.
    const sharedKey = `${issuerUrl()} ${readState().keycloak?.pid ?? ''} ${username}`;
    const shared = readSharedTokens()[sharedKey];
    if (fresh(shared)) {
      tokenCache.set(username, shared);
      return shared.accessToken;
    }
    const tokens = await demoBrowserSignIn(realm, issuerUrl(), username, codeStepLedger());
    const token = { accessToken: tokens.access_token, expiresAt: expiresAt(tokens.access_token) };
    shareToken(sharedKey, token);
    tokenCache.set(username, token);
    return token.accessToken;
  }
  const { body } = await passwordGrant(username);
  if (!body.access_token) throw new Error(`no token for ${username}: ${JSON.stringify(body)}`);
  tokenCache.set(username, { accessToken: body.access_token, expiresAt: expiresAt(body.access_token) });
  return body.access_token;
}

/** A client-credentials token for a confidential client of the realm (partners, weigh stations). */
export async function clientToken(clientId: string): Promise<string> {
  const secret = realm.client(clientId)?.secret;
  if (!secret) throw new Error(`no secret for ${clientId} in auth/demo/client-secrets.json`);
  const { body } = await tokenRequest({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret });
  if (!body.access_token) throw new Error(`no token for client ${clientId}: ${JSON.stringify(body)}`);
  return body.access_token;
}

export function gatewayUrl(): string {
  return `http://127.0.0.1:${readState().services.gateway.port}`;
}

export function serviceUrl(name: ServiceName): string {
  return `http://127.0.0.1:${readState().services[name].port}`;
}

/**
 * A document to send: typed, from `gql(...)` of test/generated (`npm run codegen`), so its result and
 * variables are checked against the API schema; or plain text, where a test needs the exact text (a
 * registered operation, a deliberately malformed document) or is not converted yet.
 */
export type GraphQLDocument<TData, TVariables> = TypedDocumentNode<TData, TVariables> | string;

/**
 * Posts a GraphQL body to the gateway from another loopback address (127.0.0.2, ...): a test that spends a
 * per-address budget (the anonymous rate limit) spends its own, not the one every other test shares.
 */
export function postFrom(
  localAddress: string,
  body: unknown,
): Promise<{ status: number; retryAfter: string | null; body: { errors?: GraphQLErrorBody[]; data?: unknown } }> {
  const url = new URL(`${gatewayUrl()}/graphql`);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            retryAfter: response.headers['retry-after'] ?? null,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as { errors?: GraphQLErrorBody[] },
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/** Whether a fetch failed on a pooled connection the server had closed (undici's SocketError). */
function staleConnection(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  return cause?.code === 'UND_ERR_SOCKET' || cause?.code === 'ECONNRESET';
}

/** Sends one GraphQL request over HTTP, as a client of the single window would. */
export async function graphql<TData = Record<string, unknown>, TVariables = Record<string, unknown>>(
  document: GraphQLDocument<TData, TVariables>,
  variables?: TVariables,
  options: { token?: string | null; headers?: Record<string, string>; url?: string } = {},
): Promise<GraphQLResponse<TData>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const query = typeof document === 'string' ? document : print(document);
  const send = () =>
    fetch(options.url ?? `${gatewayUrl()}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables: variables ?? {} }),
    });
  let response: Response;
  try {
    response = await send();
  } catch (error) {
    // A test before this one restarted the gateway on the same port: the kept-alive connection to the old
    // process is closed under the first request. Nothing answered it, so it is sent once more, afresh.
    if (!staleConnection(error)) throw error;
    response = await send();
  }
  const body = (await response.json()) as {
    data?: TData | null;
    errors?: GraphQLErrorBody[];
    extensions?: Record<string, unknown>;
  };
  return { status: response.status, data: body.data, errors: body.errors, extensions: body.extensions };
}

/**
 * As `graphql`, but fails the test on any error, or on a value the gateway had to null against the schema
 * (`extensions.valueCompletion`), and returns the data.
 */
export async function query<TData = Record<string, unknown>, TVariables = Record<string, unknown>>(
  token: string,
  document: GraphQLDocument<TData, TVariables>,
  variables?: TVariables,
): Promise<TData> {
  const result = await graphql(document, variables, { token });
  if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  if (result.extensions?.valueCompletion)
    throw new Error(`Values nulled by the gateway: ${JSON.stringify(result.extensions.valueCompletion)}`);
  return result.data;
}

/** SQL statements the subgraphs have run for GraphQL requests so far, summed. */
export async function requestSqlStatements(): Promise<number> {
  const names: ServiceName[] = ['licensing', 'enforcement', 'credit', 'safety', 'statistics'];
  let total = 0;
  for (const name of names) {
    const text = await (await fetch(`${serviceUrl(name)}/metrics`)).text();
    const match = /^graphql_sql_statements_total\{[^}]*\} (\d+)$/m.exec(text);
    total += match ? Number(match[1]) : 0;
  }
  return total;
}

/** Polls until `check` stops throwing (events are delivered asynchronously). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

export async function stopService(name: ServiceName): Promise<void> {
  await stopProcess(readState().services[name].pid);
}

export async function restartService(name: ServiceName): Promise<void> {
  const state = readState();
  const service = state.services[name];
  state.services[name] = { ...service, pid: spawnService(service, state.environment) };
  writeState(state);
  await waitFor(healthUrl(state, name), (status) => status === 200, 60_000);
}

/**
 * Restarts a service with some settings changed (for example its database behind a proxy the test
 * controls); `restartService` brings it back as the harness started it.
 */
export async function restartServiceWith(name: ServiceName, overrides: Record<string, string>): Promise<void> {
  await stopService(name);
  const state = readState();
  const service = state.services[name];
  state.services[name] = { ...service, pid: spawnService(service, { ...state.environment, ...overrides }) };
  writeState(state);
  await waitFor(healthUrl(state, name), (status) => status === 200, 60_000);
}
