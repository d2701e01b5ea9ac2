import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { z } from 'zod';
import { sendRequest } from '../../../platform/http/internal-tls';
import { outOfOrderAnswer, pushedChangeBody, pushReceiptAnswer, standingAnswer } from './credit-platform-payloads';
import {
  CreditPlatformUnavailable,
  type CreditPlatformAuthentication,
  type NationalCreditPlatform,
  type PlatformStanding,
  type PushedChange,
  type PushOutcome,
} from './national-credit-platform';
import { signRequest } from './request-signing';

export interface CreditPlatformEndpoint {
  baseUrl: string;
  timeoutMs: number;
  authentication: CreditPlatformAuthentication;
  /** Connections kept open to the platform (the relay's concurrency, plus the standing lookups). */
  maxSockets?: number;
}

// An answer larger than this is not one the contract describes.
const MAX_ANSWER_BYTES = 256 * 1024;

/** The header carrying a push's idempotency key: `<recordType>:<recordId>:<version>`. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

export function idempotencyKeyOf(change: Pick<PushedChange, 'recordType' | 'recordId' | 'version'>): string {
  return `${change.recordType}:${change.recordId}:${change.version}`;
}

/** Why a request got no HTTP answer, without the address (officers read delivery errors). */
function transportProblem(error: unknown, timeoutMs: number): string {
  // Duck-typed: errors may come from another realm (jest's sandbox), where instanceof Error fails.
  const failure = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; code?: unknown };
  if (failure.name === 'TimeoutError' || failure.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  return typeof failure.code === 'string'
    ? `cannot be reached (${failure.code})`
    : 'cannot be reached (connection failed)';
}

function errorText(body: unknown): string {
  const error = (body as { error?: unknown } | null)?.error;
  const text = Array.isArray(error) ? error.join('; ') : typeof error === 'string' ? error : 'no reason given';
  return text.slice(0, 300);
}

/**
 * HTTP client of the national credit information sharing platform (全国信用信息共享平台), see
 * NATIONAL-CREDIT-CONTRACT.md: pushes versions of credit records and reads a subject's standing. Tells
 * an outcome the platform decided (accepted, duplicate, out of order, refused) from a transient failure
 * (CreditPlatformUnavailable: network, timeout, 5xx, 429, credentials refused, an answer outside the contract).
 */
export class NationalCreditPlatformAdapter implements NationalCreditPlatform {
  private readonly agent: HttpAgent;
  private readonly baseUrl: string;

  constructor(private readonly endpoint: CreditPlatformEndpoint) {
    this.baseUrl = endpoint.baseUrl.replace(/\/+$/, '');
    const https = this.baseUrl.startsWith('https:');
    const pool = { keepAlive: true, maxSockets: endpoint.maxSockets ?? 16 };
    const { authentication } = endpoint;
    if (authentication.mode === 'client-certificate' && !https)
      throw new Error('CREDIT_PLATFORM_URL must be https:// with CREDIT_PLATFORM_AUTH=client-certificate');
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

  async push(change: PushedChange): Promise<PushOutcome> {
    const body = JSON.stringify(pushedChangeBody.parse(change));
    const answer = await this.call('POST', '/api/credit-records', body, {
      [IDEMPOTENCY_KEY_HEADER]: idempotencyKeyOf(change),
    });
    if (answer.status === 200 || answer.status === 201) {
      const receipt = this.parse(pushReceiptAnswer, answer.body);
      if (
        receipt.recordType !== change.recordType ||
        receipt.recordId !== change.recordId ||
        receipt.version !== change.version
      )
        throw new CreditPlatformUnavailable(
          `answered with a receipt for ${idempotencyKeyOf(receipt)} when pushed ${idempotencyKeyOf(change)}`,
        );
      return { outcome: receipt.status, receiptNumber: receipt.receiptNumber };
    }
    if (answer.status === 409)
      return { outcome: 'OUT_OF_ORDER', expectedVersion: this.parse(outOfOrderAnswer, answer.body).expectedVersion };
    if (answer.status === 400 || answer.status === 422)
      return { outcome: 'REFUSED', reason: `HTTP ${answer.status}: ${errorText(answer.body)}` };
    throw this.unavailable(answer);
  }

  async standingOf(creditCode: string): Promise<PlatformStanding> {
    const answer = await this.call('GET', `/api/subjects/${encodeURIComponent(creditCode)}/standing`, '');
    if (answer.status !== 200) throw this.unavailable(answer);
    const standing = this.parse(standingAnswer, answer.body);
    if (standing.creditCode !== creditCode)
      throw new CreditPlatformUnavailable(`answered with the standing of ${standing.creditCode}`);
    return {
      creditCode: standing.creditCode,
      asOf: standing.asOf,
      entries: standing.entries.map((entry) => ({ ...entry, reference: entry.reference ?? null })),
    };
  }

  close(): void {
    this.agent.destroy();
  }

  private unavailable(answer: { status: number; body: unknown }): CreditPlatformUnavailable {
    if (answer.status === 401 || answer.status === 403)
      return new CreditPlatformUnavailable(
        `refused our credentials (HTTP ${answer.status}: ${errorText(answer.body)})`,
      );
    return new CreditPlatformUnavailable(`answered HTTP ${answer.status}`);
  }

  private parse<TSchema extends z.ZodTypeAny>(schema: TSchema, body: unknown): z.infer<TSchema> {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data as z.infer<TSchema>;
    const issue = parsed.error.issues[0];
    throw new CreditPlatformUnavailable(
      `answered with an invalid payload (${issue.path.join('.') || 'body'}: ${issue.message})`,
    );
  }

  private async call(
    method: 'GET' | 'POST',
    path: string,
    body: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: unknown }> {
    const url = `${this.baseUrl}${path}`;
    const { authentication } = this.endpoint;
    const signed =
      authentication.mode === 'signature'
        ? signRequest(authentication, { method, path: new URL(url).pathname, body })
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
        timeoutMs: this.endpoint.timeoutMs,
      });
      status = answer.status;
      text = answer.body;
    } catch (error) {
      throw new CreditPlatformUnavailable(transportProblem(error, this.endpoint.timeoutMs));
    }
    if (Buffer.byteLength(text) > MAX_ANSWER_BYTES)
      throw new CreditPlatformUnavailable(`answered with more than ${MAX_ANSWER_BYTES} bytes`);
    try {
      return { status, body: text.length === 0 ? null : (JSON.parse(text) as unknown) };
    } catch {
      // A proxy's HTML error page: only its status matters, and only if it is not a success.
      if (status >= 200 && status <= 299)
        throw new CreditPlatformUnavailable(`answered HTTP ${status} with a body that is not JSON`);
      return { status, body: null };
    }
  }
}
