import {
  Agent as HttpAgent,
  request as httpRequest,
  type AgentOptions,
  type IncomingHttpHeaders,
  type OutgoingHttpHeaders,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest, type ServerOptions } from 'node:https';
import type { TlsMaterial } from './tls.config';

// Node's TLS speaks TLS 1.2/1.3 with the international suites only; the national SM2/SM3/SM4 suites of
// TLCP (GB/T 38636) terminate in front of the gateway (README, Transport). Between our own services
// there are no old clients to wait for: TLS 1.3 only, whose key exchange is always ephemeral (ECDHE).
const INTERNAL_MIN_VERSION = 'TLSv1.3';

/**
 * The agent for calls to the other services: with internal TLS, an https.Agent that presents the
 * service's certificate and trusts only the department's CA (not the system's list); else plain http.
 */
export function internalAgent(tls: TlsMaterial | null, options: AgentOptions = {}): HttpAgent {
  if (!tls) return new HttpAgent(options);
  return new HttpsAgent({ ...options, cert: tls.cert, key: tls.key, ca: tls.ca, minVersion: INTERNAL_MIN_VERSION });
}

/** A subgraph's listener options: TLS 1.3, and no connection without a client certificate the CA signed. */
export function mutualTlsServerOptions(tls: TlsMaterial): ServerOptions {
  return {
    cert: tls.cert,
    key: tls.key,
    ca: tls.ca,
    requestCert: true,
    rejectUnauthorized: true,
    minVersion: INTERNAL_MIN_VERSION,
  };
}

export interface PlainAnswer {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * One request on node:http or node:https (by the URL's scheme) through `agent`, the whole answer read as
 * text. Global fetch cannot present a client certificate without undici's own Agent, which is not a
 * dependency here. `timeoutMs` covers reading the body too; a timeout rejects with a `TimeoutError`.
 * No redirect is followed.
 *
 * A kept-alive socket the server closed as idle just as it was reused fails with ECONNRESET before the
 * request reached the server: that one case is sent again, once, on a new socket (Node's documented
 * pattern, `request.reusedSocket`); any other failure is the caller's to judge.
 */
export async function sendRequest(
  url: string,
  init: { agent?: HttpAgent; method: string; headers?: OutgoingHttpHeaders; body?: string | Buffer; timeoutMs: number },
): Promise<PlainAnswer> {
  const signal = AbortSignal.timeout(init.timeoutMs);
  try {
    return await sendOnce(url, init, signal);
  } catch (error) {
    if (!(error instanceof StaleSocketReset)) throw error;
    return sendOnce(url, init, signal);
  }
}

/** The server had closed the kept-alive socket: nothing of the request reached it. */
class StaleSocketReset extends Error {}

function sendOnce(
  url: string,
  init: { agent?: HttpAgent; method: string; headers?: OutgoingHttpHeaders; body?: string | Buffer; timeoutMs: number },
  signal: AbortSignal,
): Promise<PlainAnswer> {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  let answered = false;
  return new Promise<PlainAnswer>((resolve, reject) => {
    // An abort surfaces as a reset socket or an aborted response: name the timeout instead.
    const fail = (error: Error) => reject(signal.aborted ? (signal.reason as Error) : error);
    try {
      const outgoing = send(
        url,
        { agent: init.agent, method: init.method, headers: init.headers, signal },
        (incoming) => {
          answered = true;
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', fail);
          incoming.on('end', () =>
            resolve({
              status: incoming.statusCode ?? 0,
              statusText: incoming.statusMessage ?? '',
              headers: incoming.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        if (outgoing.reusedSocket && error.code === 'ECONNRESET' && !answered && !signal.aborted)
          reject(new StaleSocketReset(error.message));
        else fail(error);
      });
      outgoing.end(init.body);
    } catch (error) {
      // An agent of the other scheme (an http:// URL with internal TLS on) throws here.
      fail(error as Error);
    }
  });
}
