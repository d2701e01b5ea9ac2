import type { Agent, IncomingHttpHeaders } from 'node:http';
import type { Fetcher, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { internalAgent, sendRequest, type PlainAnswer } from '../platform/http/internal-tls';
import type { TlsMaterial } from '../platform/http/tls.config';

/**
 * One pool of kept-alive connections for the gateway's calls to its subgraphs (at most 128 sockets per
 * subgraph, idle ones kept open); with internal TLS, an https.Agent with the same options that presents
 * the gateway's certificate (kept-alive connections make the handshake a once-per-socket cost). Calls go
 * through `node:http(s)`, not the global `fetch`: the same socket reuse without the WHATWG
 * Request/Response/stream layers, which a CPU profile of the gateway under load showed among its largest
 * costs (undici's fetch about 17% of samples).
 */
export function subgraphAgent(tls: TlsMaterial | null = null): Agent {
  return internalAgent(tls, { keepAlive: true, maxSockets: 128, maxFreeSockets: 128, scheduling: 'lifo' });
}

type Answer = PlainAnswer;

/** Headers that name the request rather than ask anything: left out of the deduplication key. */
const PER_REQUEST_HEADERS = new Set(['x-request-id']);

/** A read: the JSON body Apollo sends starts with the operation, `query …` or the shorthand `{ … }`. */
function isQuery(body: FetcherRequestInit['body']): body is string {
  return typeof body === 'string' && /^\{"query":"\s*(query\b|\{)/.test(body);
}

/**
 * The fetcher RemoteGraphQLDataSource calls, on `agent`, each call bounded by `timeoutMs`.
 *
 * Identical reads in flight at the same time are sent once: the key is the whole request (URL, body,
 * and every header but the request id: the caller's token, the declared purpose, the gateway secret),
 * so two callers, or one caller with two purposes, never share an answer. Each waiting call gets its own
 * response object and parses its own copy of the body. Mutations are always sent.
 */
export function subgraphFetcher(agent: Agent, timeoutMs: number): Fetcher {
  const inFlight = new Map<string, Promise<Answer>>();
  const send = (url: string, init: FetcherRequestInit): Promise<Answer> =>
    sendRequest(url, {
      agent,
      method: init.method ?? 'GET',
      headers: init.headers,
      body: init.body,
      timeoutMs,
    });

  return async (url: string, init: FetcherRequestInit = {}) => {
    let answer: Promise<Answer>;
    if (isQuery(init.body)) {
      const headers = Object.entries(init.headers ?? {})
        .filter(([name]) => !PER_REQUEST_HEADERS.has(name.toLowerCase()))
        .map(([name, value]) => `${name.toLowerCase()}:${value}`)
        .sort()
        .join('\n');
      const key = `${url}\n${headers}\n\n${init.body}`;
      const pending = inFlight.get(key);
      if (pending) answer = pending;
      else {
        answer = send(url, init).finally(() => inFlight.delete(key));
        inFlight.set(key, answer);
      }
    } else {
      answer = send(url, init);
    }
    const { status, statusText, headers, body } = await answer;
    return new SubgraphResponse(url, status, statusText, headers, body);
  };
}

/** What RemoteGraphQLDataSource reads of an answer: status, headers, the body as text or JSON. */
class SubgraphResponse implements FetcherResponse {
  readonly redirected = false;
  readonly headers = new Headers();
  bodyUsed = false;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    headers: IncomingHttpHeaders,
    private readonly body: string,
  ) {
    for (const [name, value] of Object.entries(headers)) {
      if (Array.isArray(value)) for (const item of value) this.headers.append(name, item);
      else if (value !== undefined) this.headers.set(name, value);
    }
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  text(): Promise<string> {
    this.bodyUsed = true;
    return Promise.resolve(this.body);
  }

  json(): Promise<unknown> {
    this.bodyUsed = true;
    return Promise.resolve(JSON.parse(this.body) as unknown);
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    this.bodyUsed = true;
    return Promise.resolve(new TextEncoder().encode(this.body).buffer);
  }

  clone(): FetcherResponse {
    return new SubgraphResponse(this.url, this.status, this.statusText, Object.fromEntries(this.headers), this.body);
  }
}
