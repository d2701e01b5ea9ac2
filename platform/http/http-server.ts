import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export class RequestBodyTooLarge extends Error {}

const DEFAULT_BODY_LIMIT = 1024 * 1024;
/** GraphQL requests may carry one attached material: 5 MiB, base64-encoded (4/3), plus the document. */
const GRAPHQL_BODY_LIMIT = 8 * 1024 * 1024;

export async function readBody(request: IncomingMessage, limit = DEFAULT_BODY_LIMIT): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new RequestBodyTooLarge(`request body exceeds ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

export function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Sees each complete answer before it is sent (the gateway's audit trail); awaited, so it may hold the answer back. */
export type BeforeResponse = (
  request: IncomingMessage,
  body: unknown,
  status: number,
  responseText: string,
) => Promise<void>;

/** Serves an Apollo Server on node:http; the context factory sees the raw request and its parsed JSON body. */
export function graphqlHandler<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  context: (request: IncomingMessage, body: unknown) => Promise<TContext>,
  beforeResponse?: BeforeResponse,
): RouteHandler {
  return async (request, response) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const rawBody = request.method === 'POST' ? await readBody(request, GRAPHQL_BODY_LIMIT) : Buffer.alloc(0);
    let body: unknown = undefined;
    if (rawBody.length > 0 && (headers.get('content-type') ?? '').includes('application/json')) {
      try {
        body = JSON.parse(rawBody.toString('utf8'));
      } catch {
        const refusal = {
          errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
        };
        await beforeResponse?.(request, undefined, 400, JSON.stringify(refusal));
        sendJson(response, 400, refusal);
        return;
      }
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    const result = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
      context: () => context(request, body),
    });
    const responseHeaders: Record<string, string> = {};
    for (const [key, value] of result.headers) responseHeaders[key] = value;
    if (result.body.kind === 'complete') {
      await beforeResponse?.(request, body, result.status ?? 200, result.body.string);
      response.writeHead(result.status ?? 200, responseHeaders);
      response.end(result.body.string);
      return;
    }
    response.writeHead(result.status ?? 200, responseHeaders);
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  };
}

export interface RunningHttpServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/** A tiny router: exact paths only, anything else is 404; a handler's crash is a bare 500. */
export async function startHttpServer(options: {
  host: string;
  port: number;
  routes: Record<string, RouteHandler>;
  onError?: (error: unknown) => void;
}): Promise<RunningHttpServer> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const handler = options.routes[path];
    if (!handler) {
      sendJson(response, 404, { error: 'not found' });
      return;
    }
    handler(request, response).catch((error: unknown) => {
      if (error instanceof RequestBodyTooLarge) {
        if (!response.headersSent)
          sendJson(response, 413, { errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] });
        return;
      }
      options.onError?.(error);
      if (!response.headersSent)
        sendJson(response, 500, {
          errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        });
      else response.end();
    });
  });
  // Keep-alive connections from the gateway outlive a request; make sure close() does not hang on them.
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
