import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type ServerOptions as HttpsServerOptions } from 'node:https';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export class RequestBodyTooLarge extends Error {}

const DEFAULT_BODY_LIMIT = 1024 * 1024;
/** GraphQL requests may carry one attached material: 5 MiB, base64-encoded (4/3), plus the document. */
const GRAPHQL_BODY_LIMIT = 8 * 1024 * 1024;

/**
 * The request body, up to `limit` bytes. Past it, the rest is read and discarded (destroying the
 * request would take the connection, and with it the answer, down) and RequestBodyTooLarge is thrown;
 * the answer should close the connection.
 */
export function readBody(request: IncomingMessage, limit = DEFAULT_BODY_LIMIT): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      request.off('data', onData);
      request.off('end', onEnd);
      request.resume();
      chunks.length = 0;
      reject(new RequestBodyTooLarge(`请求体超过 ${limit} 字节。The request body exceeds ${limit} bytes`));
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    request.on('data', onData);
    request.once('end', onEnd);
    request.once('error', reject);
  });
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

/** A refusal the GraphQL handler answers itself, before the GraphQL server sees the request. */
export interface HttpRefusal {
  status: number;
  message: string;
  extensions: Record<string, unknown>;
}

export interface GraphQLHandlerOptions {
  /** Looks at the raw body before it is parsed (the gateway's size limits); a refusal returned is the answer. */
  screenBody?: (rawBody: Buffer) => HttpRefusal | undefined;
  /** Extensions added to the errors the handler answers itself (the gateway's request id). */
  errorExtensions?: (request: IncomingMessage) => Record<string, unknown>;
}

/** Serves an Apollo Server on node:http; the context factory sees the raw request and its parsed JSON body. */
export function graphqlHandler<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  context: (request: IncomingMessage, body: unknown) => Promise<TContext>,
  beforeResponse?: BeforeResponse,
  options: GraphQLHandlerOptions = {},
): RouteHandler {
  return async (request, response) => {
    const refuse = async (refusal: HttpRefusal) => {
      const extensions = { ...refusal.extensions, ...options.errorExtensions?.(request) };
      const answer = { errors: [{ message: refusal.message, extensions }] };
      await beforeResponse?.(request, undefined, refusal.status, JSON.stringify(answer));
      sendJson(response, refusal.status, answer);
    };
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let rawBody: Buffer = Buffer.alloc(0);
    try {
      if (request.method === 'POST') rawBody = await readBody(request, GRAPHQL_BODY_LIMIT);
    } catch (error) {
      if (!(error instanceof RequestBodyTooLarge)) throw error;
      response.setHeader('connection', 'close');
      await refuse({ status: 413, message: error.message, extensions: { code: 'BAD_REQUEST' } });
      return;
    }
    const refusal = rawBody.length > 0 ? options.screenBody?.(rawBody) : undefined;
    if (refusal) {
      await refuse(refusal);
      return;
    }
    let body: unknown = undefined;
    if (rawBody.length > 0 && (headers.get('content-type') ?? '').includes('application/json')) {
      try {
        body = JSON.parse(rawBody.toString('utf8'));
      } catch {
        await refuse({
          status: 400,
          message: '请求体不是有效的 JSON。Request body is not valid JSON',
          extensions: { code: 'BAD_REQUEST' },
        });
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

/**
 * A tiny router: exact paths only, anything else is 404; a handler's crash is a bare 500. With `tls`,
 * it serves HTTPS with those options (a subgraph's mutual TLS, the gateway's public certificate).
 */
export async function startHttpServer(options: {
  host: string;
  port: number;
  routes: Record<string, RouteHandler>;
  onError?: (error: unknown) => void;
  tls?: HttpsServerOptions;
}): Promise<RunningHttpServer> {
  const listener: RequestListener = (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const handler = options.routes[path];
    if (!handler) {
      sendJson(response, 404, { error: 'not found' });
      return;
    }
    handler(request, response).catch((error: unknown) => {
      if (error instanceof RequestBodyTooLarge) {
        response.setHeader('connection', 'close');
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
  };
  const server: Server = options.tls ? createHttpsServer(options.tls, listener) : createServer(listener);
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
