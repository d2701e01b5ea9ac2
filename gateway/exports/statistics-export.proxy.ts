import { randomUUID } from 'node:crypto';
import { request as httpRequest, type Agent, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AccessTokenVerifier } from '../../platform/auth/access-token.verifier';
import { bearerToken } from '../../platform/auth/access-token.verifier';
import type { Identity } from '../../platform/auth/identity';
import {
  encodeForwardedPurpose,
  FORWARDED_PURPOSE_HEADER,
  parsePurpose,
  PURPOSE_HEADER,
  PURPOSE_REASON_HEADER,
  type Purpose,
} from '../../platform/auth/purpose';
import { maskFreeText, maskPersonalInformation } from '../../platform/codes/personal-information';
import { DomainError } from '../../platform/errors/domain-error';
import { GATEWAY_SECRET_HEADER } from '../../platform/http/gateway-secret';
import { headerValue, readBody, sendJson, type RouteHandler } from '../../platform/http/http-server';
import { AuditOutcome } from '../audit/audit-record.entity';
import type { AuditEntry } from '../audit/audit-trail';
import { isPartner } from '../protection/caller-policy';
import type { RateLimiter } from '../protection/rate-limiter';

/** The gateway's path for statistics exports; the statistics subgraph serves the same path. */
export const STATISTICS_EXPORT_ROUTE = '/exports/statistics';
/** How an export is named in the audit trail (its operationName), beside the GraphQL operations. */
export const STATISTICS_EXPORT_OPERATION = 'StatisticsExport';
/** Where a caller reads how far their export has got, by its x-request-id. */
export const STATISTICS_EXPORT_PROGRESS_ROUTE = '/exports/statistics/progress';
export const STATISTICS_EXPORT_PROGRESS_OPERATION = 'StatisticsExportProgress';

const ROWS_TOTAL_HEADER = 'x-export-rows-total';
const ROWS_WRITTEN_TRAILER = 'x-export-rows-written';
// The answer headers of the subgraph that reach the caller; nothing else of it does.
const RELAYED_HEADERS = ['content-type', 'content-disposition', 'cache-control', ROWS_TOTAL_HEADER, 'trailer'];
// An error answer of the subgraph is a small JSON document; anything longer is not read whole.
const ERROR_BODY_LIMIT = 64 * 1024;

export interface StatisticsExportProxyOptions {
  verifier: AccessTokenVerifier;
  rateLimiter: RateLimiter;
  /** The statistics subgraph's base URL and the gateway's secret for it. */
  statisticsUrl: string;
  gatewaySecret: string;
  agent: Agent;
  /** Stores one audit record (the gateway's journal, as for GraphQL requests). */
  audit(entry: AuditEntry): Promise<void>;
}

interface ErrorAnswer {
  errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }>;
}

function headerText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function errorCodesOf(text: string): string[] {
  try {
    const answer = JSON.parse(text) as ErrorAnswer;
    return [
      ...new Set(
        (answer.errors ?? []).map((error) =>
          typeof error.extensions?.code === 'string' ? error.extensions.code : 'UNKNOWN',
        ),
      ),
    ];
  } catch {
    return [];
  }
}

/**
 * GET /exports/statistics: an indicator query as a CSV or XLSX file (README, Statistics exports). The
 * same rules as /graphql: a bearer token verified here and by the subgraph, the per-caller rate limit,
 * partners' declared purpose, the region scope and statistics:read checked by the subgraph; and one
 * audit record per export with the caller, the query and the number of rows written. The file is
 * relayed as it is written, never held here; its record is stored before its last byte is sent.
 * With kind 'progress' it serves /exports/statistics/progress?requestId=… the same way: a small JSON
 * answer saying how many of the announced rows the caller's export has written.
 */
export function statisticsExportProxy(
  options: StatisticsExportProxyOptions,
  kind: 'file' | 'progress' = 'file',
): RouteHandler {
  return async (request, response) => {
    const requestId = randomUUID();
    const startedAt = Date.now();
    response.setHeader('x-request-id', requestId);
    const search = new URL(request.url ?? '/', 'http://localhost').searchParams;
    let identity: Identity | null = null;
    let purpose: Purpose | null = null;

    const record = async (status: number, outcome: AuditOutcome, errorCodes: string[], rows: number | null) => {
      const parameters = Object.fromEntries([...search.entries()].map(([key, value]) => [key, value.slice(0, 200)]));
      const entry: AuditEntry = {
        occurredAt: new Date(startedAt),
        requestId,
        subject: identity?.subject ?? null,
        username: identity?.username ?? null,
        clientId: identity?.clientId ?? null,
        roles: identity ? [...identity.roles].sort().join(',').slice(0, 1000) : '',
        region: identity?.region ?? null,
        purposeCode: purpose?.code ?? null,
        purposeReason: purpose ? maskFreeText(purpose.reason.slice(0, 500)) : null,
        operationName: kind === 'file' ? STATISTICS_EXPORT_OPERATION : STATISTICS_EXPORT_PROGRESS_OPERATION,
        operationType: 'query',
        documentHash: null,
        // The export's parameters, and the rows written (null when it broke off or was refused).
        variables: JSON.stringify(maskPersonalInformation({ ...parameters, rowsWritten: rows })).slice(0, 60_000),
        entities: [search.get('indicator'), search.get('regionCode')]
          .filter((value): value is string => typeof value === 'string' && value.length <= 64)
          .join(' '),
        subgraphs: 'statistics',
        outcome,
        errorCodes: errorCodes.join(',').slice(0, 500),
        httpStatus: status,
        durationMs: Math.min(2_147_483_647, Date.now() - startedAt),
        clientAddress: request.socket.remoteAddress ?? null,
      };
      await options.audit(entry);
    };
    const refuse = async (status: number, message: string, extensions: Record<string, unknown>) => {
      await record(status, AuditOutcome.REFUSED, [String(extensions.code)], null);
      sendJson(response, status, { errors: [{ message, extensions: { ...extensions, requestId } }] });
    };

    if (request.method !== 'GET') return refuse(405, 'Exports are read with GET', { code: 'BAD_REQUEST' });
    const token = bearerToken(headerValue(request, 'authorization'));
    if (!token)
      return refuse(401, 'Sign in: send an access token as "Authorization: Bearer <token>"', {
        code: 'UNAUTHENTICATED',
      });
    try {
      identity = await options.verifier.verify(token);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const code = String(error.extensions.code);
      return refuse(code === 'UNAUTHENTICATED' ? 401 : 503, error.message, { code });
    }
    const retryAfter = options.rateLimiter.take(
      identity.serviceAccount ? `client:${identity.clientId}` : `user:${identity.subject}`,
    );
    if (retryAfter > 0) {
      response.setHeader('retry-after', String(retryAfter));
      return refuse(429, `请求过于频繁，请 ${retryAfter} 秒后再试。Too many requests; try again in ${retryAfter} s`, {
        code: 'RATE_LIMITED',
        reason: 'RATE_LIMITED',
        retryAfterSeconds: retryAfter,
      });
    }
    const declared = parsePurpose(
      headerValue(request, PURPOSE_HEADER),
      headerText(headerValue(request, PURPOSE_REASON_HEADER)),
    );
    if (typeof declared === 'string')
      return refuse(400, declared, { code: 'BAD_USER_INPUT', reason: 'INVALID_PURPOSE', field: 'purpose' });
    purpose = declared;
    if (isPartner(identity) && !purpose)
      return refuse(403, 'Partner requests must declare a purpose: X-Purpose (a PurposeCode) and X-Purpose-Reason', {
        code: 'FORBIDDEN',
        reason: 'PURPOSE_REQUIRED',
      });

    let upstream: IncomingMessage;
    try {
      upstream = await forward(options, request, token, purpose, requestId);
    } catch {
      await record(503, AuditOutcome.ERROR, ['SERVICE_UNAVAILABLE'], null);
      sendJson(response, 503, {
        errors: [
          {
            message: '统计服务暂不可用，请稍后再试。The statistics service is unavailable; try again later',
            extensions: { code: 'SERVICE_UNAVAILABLE', requestId },
          },
        ],
      });
      return;
    }
    const status = upstream.statusCode ?? 502;
    if (status !== 200) {
      const text = (await readBody(upstream, ERROR_BODY_LIMIT).catch(() => Buffer.alloc(0))).toString('utf8');
      const codes = errorCodesOf(text);
      await record(status, status < 500 ? AuditOutcome.REFUSED : AuditOutcome.ERROR, codes, null);
      // The subgraph's coded errors as it sent them (they carry no stack).
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(
        codes.length > 0
          ? text
          : JSON.stringify({
              errors: [{ message: 'Export failed', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }],
            }),
      );
      return;
    }
    if (kind === 'progress') {
      const text = (await readBody(upstream, ERROR_BODY_LIMIT)).toString('utf8');
      await record(200, AuditOutcome.OK, [], null);
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      response.end(text);
      return;
    }
    await relay(upstream, response, async (rowsWritten) => {
      await record(
        rowsWritten === null ? 502 : 200,
        rowsWritten === null ? AuditOutcome.ERROR : AuditOutcome.OK,
        [],
        rowsWritten,
      );
    });
  };
}

function forward(
  options: StatisticsExportProxyOptions,
  request: IncomingMessage,
  token: string,
  purpose: Purpose | null,
  requestId: string,
): Promise<IncomingMessage> {
  const target = new URL(request.url ?? '/', options.statisticsUrl);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send(target, {
      method: 'GET',
      agent: options.agent,
      headers: {
        [GATEWAY_SECRET_HEADER]: options.gatewaySecret,
        authorization: `Bearer ${token}`,
        'x-request-id': requestId,
        ...(purpose ? { [FORWARDED_PURPOSE_HEADER]: encodeForwardedPurpose(purpose) } : {}),
      },
    });
    outgoing.once('response', resolve);
    outgoing.once('error', reject);
    outgoing.end();
  });
}

/**
 * Copies the file to the caller as it arrives (the pipe's back-pressure reaches the subgraph's writes),
 * then the trailer with the rows written. A file cut short upstream is cut short here too: no trailer.
 */
function relay(
  upstream: IncomingMessage,
  response: ServerResponse,
  recorded: (rowsWritten: number | null) => Promise<void>,
): Promise<void> {
  const headers = Object.fromEntries(
    RELAYED_HEADERS.flatMap((name) => (upstream.headers[name] ? [[name, upstream.headers[name]]] : [])),
  );
  response.writeHead(200, headers);
  upstream.pipe(response, { end: false });
  return new Promise<void>((resolve) => {
    let settled = false;
    const settle = async (rowsWritten: number | null) => {
      if (settled) return;
      settled = true;
      await recorded(rowsWritten).catch(() => undefined);
      if (rowsWritten === null) response.destroy();
      else {
        response.addTrailers({ [ROWS_WRITTEN_TRAILER]: String(rowsWritten) });
        response.end();
      }
      resolve();
    };
    upstream.once('end', () => {
      const written = Number(upstream.trailers[ROWS_WRITTEN_TRAILER]);
      void settle(upstream.complete && Number.isInteger(written) ? written : null);
    });
    upstream.once('aborted', () => void settle(null));
    upstream.once('error', () => void settle(null));
    // The caller went away: stop reading the subgraph, which stops writing.
    response.once('close', () => {
      if (!response.writableFinished) {
        upstream.destroy();
        void settle(null);
      }
    });
  });
}
