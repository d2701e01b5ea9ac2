import type { Agent } from 'node:http';
import type { z } from 'zod';
import { sendRequest } from '../../../platform/http/internal-tls';
import { PlatformUnavailable } from './national-platforms';

/**
 * The platform answered, but not with what the contract says (not JSON, wrong shape, another project).
 * It is a kind of unavailability: nothing may be decided on such an answer, and asking again later is
 * the only remedy the single window has; the detail goes to the logs and the report's last error.
 */
export class PlatformResponseInvalid extends PlatformUnavailable {}

export interface PlatformEndpoint {
  /** Name used in messages, e.g. "investment platform"; never the address. */
  platform: string;
  baseUrl: string;
  timeoutMs: number;
  /**
   * For an https:// base URL with internal TLS on: the agent that presents licensing's certificate and
   * trusts only the department's CA (the boundary gateway to the extranet holds one of its certificates).
   */
  agent?: Agent;
}

export interface PlatformAnswer {
  status: number;
  body: unknown;
}

// An answer larger than this is not one the contract describes.
const MAX_ANSWER_BYTES = 256 * 1024;

/** Why a request did not get an HTTP answer, without the address (officers read report errors). */
function transportProblem(error: unknown, timeoutMs: number): string {
  // Duck-typed: errors may come from another realm (jest's sandbox), where instanceof Error fails.
  const failure = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown;
    code?: unknown;
    cause?: { code?: unknown };
  };
  if (failure.name === 'TimeoutError' || failure.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  // node:http puts the code (ECONNREFUSED, a TLS alert) on the error; fetch put it on its cause.
  const code =
    typeof failure.code === 'string'
      ? failure.code
      : typeof failure.cause?.code === 'string'
        ? failure.cause.code
        : null;
  return code ? `cannot be reached (${code})` : 'cannot be reached (connection failed)';
}

/**
 * One request to a platform, classified as the adapters' callers need it: a network failure, a timeout,
 * a 5xx or any other answer except 2xx and 404 throws PlatformUnavailable (try again later, decide
 * nothing); a 2xx body that is not JSON throws PlatformResponseInvalid; 2xx and 404 are returned.
 */
export async function callPlatform(
  endpoint: PlatformEndpoint,
  path: string,
  init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string },
): Promise<PlatformAnswer> {
  let status: number;
  let text: string;
  try {
    // Joined as text so a base URL with a path (https://host/gateway) keeps it. No redirect is followed
    // (a 3xx is an answer outside the contract); the timeout covers reading the body too: a platform
    // that stalls halfway is as unavailable as a silent one.
    const url = `${endpoint.baseUrl.replace(/\/+$/, '')}${path}`;
    const answer = await sendRequest(url, {
      agent: url.startsWith('https:') ? endpoint.agent : undefined,
      method: init.method,
      headers: {
        accept: 'application/json',
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
      body: init.body,
      timeoutMs: endpoint.timeoutMs,
    });
    status = answer.status;
    text = answer.body;
  } catch (error) {
    throw new PlatformUnavailable(endpoint.platform, transportProblem(error, endpoint.timeoutMs));
  }
  if (status === 404) return { status, body: null };
  if (status < 200 || status > 299) throw new PlatformUnavailable(endpoint.platform, `answered HTTP ${status}`);
  if (Buffer.byteLength(text) > MAX_ANSWER_BYTES)
    throw new PlatformResponseInvalid(endpoint.platform, `answered with more than ${MAX_ANSWER_BYTES} bytes`);
  try {
    return { status, body: JSON.parse(text) as unknown };
  } catch {
    throw new PlatformResponseInvalid(endpoint.platform, `answered HTTP ${status} with a body that is not JSON`);
  }
}

/** The answer checked against the contract's schema; a mismatch names the first offending field. */
export function parseAnswer<TSchema extends z.ZodTypeAny>(
  endpoint: PlatformEndpoint,
  schema: TSchema,
  body: unknown,
): z.infer<TSchema> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data as z.infer<TSchema>;
  const issue = parsed.error.issues[0];
  throw new PlatformResponseInvalid(
    endpoint.platform,
    `answered with an invalid payload (${issue.path.join('.') || 'body'}: ${issue.message})`,
  );
}
