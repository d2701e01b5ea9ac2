import { randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type ServerOptions as HttpsServerOptions } from 'node:https';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { readBody, RequestBodyTooLarge, sendJson } from '../http/http-server';

// The common part of the platform simulators (development and tests only): a node:http server whose
// platform routes pass through switches for latency, error rate and outage, and a control API that
// flips them. The control API and /health always answer, whatever the switches say.

export interface SimulatorSwitches {
  /** Milliseconds every platform request's answer is held back (after it was handled). */
  latencyMs: number;
  /** Share of platform requests (0-1) answered 503 without being handled. */
  errorRate: number;
  /** When true, every platform request's connection is dropped without an answer (an outage). */
  down: boolean;
}

const switchesUpdate = z
  .object({
    latencyMs: z.number().int().min(0).max(120_000),
    errorRate: z.number().min(0).max(1),
    down: z.boolean(),
  })
  .partial()
  .strict();

export const NORMAL_SWITCHES: Readonly<SimulatorSwitches> = { latencyMs: 0, errorRate: 0, down: false };

export interface SimulatorRequest {
  method: string;
  /** Path segments after the leading slash, decoded: `/api/projects/x` -> ['api', 'projects', 'x']. */
  segments: string[];
  headers: IncomingMessage['headers'];
  /** The parsed JSON body of a POST; undefined when there is none. */
  body: unknown;
  /** The request target's path as sent (still URL-encoded) and the body's bytes, for signed requests. */
  path: string;
  rawBody: Buffer;
}

export interface SimulatorAnswer {
  status: number;
  body: unknown;
}

/** A platform's routes: an answer, or null when no route matches (404). */
export type PlatformRoutes = (request: SimulatorRequest) => SimulatorAnswer | null;

export interface RunningSimulator {
  name: string;
  url: string;
  port: number;
  switches(): SimulatorSwitches;
  setSwitches(update: Partial<SimulatorSwitches>): SimulatorSwitches;
  close(): Promise<void>;
}

function decodeSegments(pathname: string): string[] | null {
  try {
    return pathname
      .split('/')
      .filter((segment) => segment.length > 0)
      .map(decodeURIComponent);
  } catch {
    return null;
  }
}

async function jsonBody(request: IncomingMessage): Promise<unknown> {
  return parsedJson(await readBody(request, 64 * 1024));
}

function parsedJson(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  return JSON.parse(raw.toString('utf8')) as unknown;
}

/**
 * Starts one simulated platform. `extraControl` adds read-only inspection routes beside `/control`
 * (the investment platform's `/received-reports`).
 */
export async function startPlatformSimulator(options: {
  name: string;
  host: string;
  port: number;
  routes: PlatformRoutes;
  extraControl?: Record<string, () => unknown>;
  /** HTTPS with these options (mutual TLS, as the boundary gateway to the extranet would ask). */
  tls?: HttpsServerOptions;
}): Promise<RunningSimulator> {
  let switches: SimulatorSwitches = { ...NORMAL_SWITCHES };
  const setSwitches = (update: Partial<SimulatorSwitches>) => {
    switches = { ...switches, ...update };
    return { ...switches };
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://simulator');
    const method = request.method ?? 'GET';
    if (url.pathname === '/health' && method === 'GET')
      return sendJson(response, 200, { status: 'alive', platform: options.name });
    if (url.pathname === '/control') {
      if (method === 'GET') return sendJson(response, 200, switches);
      if (method !== 'POST') return sendJson(response, 405, { error: 'GET or POST' });
      const update = switchesUpdate.safeParse(await jsonBody(request).catch(() => null));
      if (!update.success)
        return sendJson(response, 400, {
          error: update.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`),
        });
      return sendJson(response, 200, setSwitches(update.data));
    }
    const inspection = options.extraControl?.[url.pathname];
    if (inspection && method === 'GET') return sendJson(response, 200, inspection());

    // A platform request: the switches apply. It is handled before the latency, so a client that gives up
    // waiting leaves behind a request the platform did handle (a lost answer, as in real outages).
    const segments = decodeSegments(url.pathname);
    if (!segments) return sendJson(response, 400, { error: 'malformed path' });
    let body: unknown;
    let rawBody: Buffer = Buffer.alloc(0);
    try {
      if (method === 'POST') rawBody = await readBody(request, 64 * 1024);
      body = parsedJson(rawBody);
    } catch (error) {
      if (error instanceof RequestBodyTooLarge) return sendJson(response, 413, { error: error.message });
      return sendJson(response, 400, { error: 'body is not JSON' });
    }
    if (switches.down) {
      request.socket.destroy();
      return;
    }
    if (switches.errorRate > 0 && randomInt(1_000_000) < switches.errorRate * 1_000_000) {
      return sendJson(response, 503, { error: `${options.name} simulator: injected failure` });
    }
    const answer = options.routes({
      method,
      segments,
      headers: request.headers,
      body,
      path: url.pathname,
      rawBody,
    }) ?? {
      status: 404,
      body: { error: 'not found' },
    };
    if (switches.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, switches.latencyMs));
    if (response.destroyed) return;
    sendJson(response, answer.status, answer.body);
  };

  const listener: RequestListener = (request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) sendJson(response, 500, { error: 'simulator failure' });
      else response.end();
    });
  };
  const server: Server = options.tls ? createHttpsServer(options.tls, listener) : createServer(listener);
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    name: options.name,
    url: `${options.tls ? 'https' : 'http'}://${options.host}:${port}`,
    port,
    switches: () => ({ ...switches }),
    setSwitches,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
