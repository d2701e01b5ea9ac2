import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { readState, writeState, type ServiceName } from './harness-state';
import { healthUrl, PROJECT_ROOT, spawnService, stopProcess, waitFor } from './service-processes';

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

interface RealmUser {
  username: string;
  credentials?: Array<{ type: string; value: string }>;
}

const realm = JSON.parse(readFileSync(join(PROJECT_ROOT, 'auth', 'realm-transport.json'), 'utf8')) as {
  users: RealmUser[];
  clients: Array<{ clientId: string; secret?: string }>;
};

export function demoPassword(username: string): string {
  const user = realm.users.find((candidate) => candidate.username === username);
  const password = user?.credentials?.find((credential) => credential.type === 'password')?.value;
  if (!password) throw new Error(`no demo password for ${username} in the realm file`);
  return password;
}

export function issuerUrl(): string {
  return readState().environment.OIDC_ISSUER;
}

export function tokenEndpoint(): string {
  return `${issuerUrl()}/protocol/openid-connect/token`;
}

const tokenCache = new Map<string, string>();

/**
 * Posts a token request. Once more when the provider closed a kept-alive connection just as it was reused
 * ("other side closed"), which a loaded machine makes likely; a token request may be repeated safely.
 */
async function requestToken(body: URLSearchParams): Promise<Response> {
  const send = () =>
    fetch(tokenEndpoint(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
  try {
    return await send();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return send();
  }
}

/** A real access token for a demo user, from the running OpenID provider (password grant, as the CLI does). */
export async function tokenFor(username: string): Promise<string> {
  const cached = tokenCache.get(username);
  if (cached) return cached;
  const response = await requestToken(
    new URLSearchParams({
      grant_type: 'password',
      client_id: 'single-window-cli',
      username,
      password: demoPassword(username),
    }),
  );
  const body = (await response.json()) as { access_token?: string; error?: string };
  if (!body.access_token) throw new Error(`no token for ${username}: ${JSON.stringify(body)}`);
  tokenCache.set(username, body.access_token);
  return body.access_token;
}

/** A client-credentials token for a confidential client of the realm (partners, weigh stations). */
export async function clientToken(clientId: string): Promise<string> {
  const secret = realm.clients.find((client) => client.clientId === clientId)?.secret;
  if (!secret) throw new Error(`no secret for ${clientId} in the realm file`);
  const response = await requestToken(
    new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
  );
  const body = (await response.json()) as { access_token?: string };
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

/** Sends one GraphQL request over HTTP, as a client of the single window would. */
export async function graphql<TData = Record<string, unknown>, TVariables = Record<string, unknown>>(
  document: GraphQLDocument<TData, TVariables>,
  variables?: TVariables,
  options: { token?: string | null; headers?: Record<string, string>; url?: string } = {},
): Promise<GraphQLResponse<TData>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const query = typeof document === 'string' ? document : print(document);
  const response = await fetch(options.url ?? `${gatewayUrl()}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables: variables ?? {} }),
  });
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
