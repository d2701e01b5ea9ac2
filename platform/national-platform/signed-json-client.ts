import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { z } from 'zod';
import { sendRequest } from '../http/internal-tls';
import type { NationalPlatformUnavailable } from './platform-unavailable';
import { signRequest, type SignatureHeaderNames } from './request-signing';

/** How an adapter proves who it is: signed requests with a key id, or a client certificate (mTLS). */
export type PlatformAuthentication =
  | { mode: 'signature'; keyId: string; secret: string }
  | { mode: 'client-certificate'; cert: string; key: string; ca: string };

export interface SignedJsonEndpoint {
  baseUrl: string;
  timeoutMs: number;
  authentication: PlatformAuthentication;
  /** Connections kept open to the platform. */
  maxSockets?: number;
  /** The platform's signature header names. */
  signatureHeaders: SignatureHeaderNames;
  /** The settings' common prefix, for the configuration error (e.g. CREDIT_PLATFORM). */
  settingPrefix: string;
  /** The adapter's own "unavailable" error, with the reason officers read. */
  unavailable: (detail: string) => NationalPlatformUnavailable;
}

// An answer larger than this is not one the contracts describe.
const MAX_ANSWER_BYTES = 256 * 1024;

/** Why a request got no HTTP answer, without the address (officers read delivery errors). */
function transportProblem(error: unknown, timeoutMs: number): string {
  // Duck-typed: errors may come from another realm (jest's sandbox), where instanceof Error fails.
  const failure = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; code?: unknown };
  if (failure.name === 'TimeoutError' || failure.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  return typeof failure.code === 'string'
    ? `cannot be reached (${failure.code})`
    : 'cannot be reached (connection failed)';
}

/** The `error` of a platform's JSON answer, as text of at most 300 characters. */
export function errorText(body: unknown): string {
  const error = (body as { error?: unknown } | null)?.error;
  const text = Array.isArray(error) ? error.join('; ') : typeof error === 'string' ? error : 'no reason given';
  return text.slice(0, 300);
}

/**
 * The HTTP side every national platform adapter shares: a kept-alive pool (mutual TLS when asked), requests
 * signed with HMAC-SM3 (request-signing.ts) afresh on every attempt, JSON answers of bounded size, and every
 * transport failure turned into the adapter's "unavailable" error. What an answer means is the adapter's.
 */
export class SignedJsonClient {
  private readonly agent: HttpAgent;
  private readonly baseUrl: string;

  constructor(private readonly endpoint: SignedJsonEndpoint) {
    this.baseUrl = endpoint.baseUrl.replace(/\/+$/, '');
    const https = this.baseUrl.startsWith('https:');
    const pool = { keepAlive: true, maxSockets: endpoint.maxSockets ?? 16 };
    const { authentication } = endpoint;
    if (authentication.mode === 'client-certificate' && !https)
      throw new Error(
        `${endpoint.settingPrefix}_URL must be https:// with ${endpoint.settingPrefix}_AUTH=client-certificate`,
      );
    this.agent =
      authentication.mode === 'client-certificate'
        ? new HttpsAgent({
            ...pool,
            cert: authentication.cert,
            key: authentication.key,
            // The platform's (or its boundary gateway's) CA, not the system's list.
            ca: authentication.ca,
            minVersion: 'TLSv1.2',
          })
        : https
          ? new HttpsAgent(pool)
          : new HttpAgent(pool);
  }

  close(): void {
    this.agent.destroy();
  }

  /** A non-success answer as the adapter's "unavailable" error (credentials refused, 5xx, 429, ...). */
  unavailable(answer: { status: number; body: unknown }): NationalPlatformUnavailable {
    if (answer.status === 401 || answer.status === 403)
      return this.endpoint.unavailable(`refused our credentials (HTTP ${answer.status}: ${errorText(answer.body)})`);
    return this.endpoint.unavailable(`answered HTTP ${answer.status}`);
  }

  /** The body checked against the contract's schema; outside it, the platform counts as unavailable. */
  parse<TSchema extends z.ZodTypeAny>(schema: TSchema, body: unknown): z.infer<TSchema> {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data as z.infer<TSchema>;
    const issue = parsed.error.issues[0];
    throw this.endpoint.unavailable(
      `answered with an invalid payload (${issue.path.join('.') || 'body'}: ${issue.message})`,
    );
  }

  async call(
    method: 'GET' | 'POST',
    path: string,
    body: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: unknown }> {
    const url = `${this.baseUrl}${path}`;
    const { authentication, timeoutMs } = this.endpoint;
    const signed =
      authentication.mode === 'signature'
        ? signRequest(this.endpoint.signatureHeaders, authentication, { method, path: new URL(url).pathname, body })
        : {};
    let status: number;
    let text: string;
    try {
      const answer = await sendRequest(url, {
        agent: this.agent,
        method,
        headers: {
          accept: 'application/json',
          ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
          ...headers,
          ...signed,
        },
        body: method === 'POST' ? body : undefined,
        timeoutMs,
      });
      status = answer.status;
      text = answer.body;
    } catch (error) {
      throw this.endpoint.unavailable(transportProblem(error, timeoutMs));
    }
    if (Buffer.byteLength(text) > MAX_ANSWER_BYTES)
      throw this.endpoint.unavailable(`answered with more than ${MAX_ANSWER_BYTES} bytes`);
    try {
      return { status, body: text.length === 0 ? null : (JSON.parse(text) as unknown) };
    } catch {
      // A proxy's HTML error page: only its status matters, and only if it is not a success.
      if (status >= 200 && status <= 299)
        throw this.endpoint.unavailable(`answered HTTP ${status} with a body that is not JSON`);
      return { status, body: null };
    }
  }
}
