import type { Agent } from 'node:http';
import { MoreThan, type DataSource } from 'typeorm';
import { SUBGRAPH_NAMES, type SubgraphName } from '../config/config';
import { headerValue, sendJson, type RouteHandler } from '../http/http-server';
import { sendRequest } from '../http/internal-tls';
import type { EventEnvelope } from './domain-event';
import { EVENT_SIGNATURE_HEADER, eventSignatureValid, signEventBody } from './http-event.transport';
import { OutboxMessage } from './outbox-message.entity';

// A department's event history: the outbox rows it keeps per (event, subscriber), served to that
// subscriber in id order so it can rebuild what it derived from them (statistics:replay). Subgraphs
// never read each other's tables; this is the only way in. Authenticated like the events themselves:
// HMAC of the request line with the events secret (EVENTS_SECRET), inside internal mTLS when it is on.

export const EVENT_HISTORY_PATH = '/internal/events/history';
/** A signed request is good this long either side of the server's clock, so a captured one soon goes stale. */
export const HISTORY_SIGNATURE_WINDOW_MS = 5 * 60_000;
export const MAX_HISTORY_PAGE = 5000;

export interface HistoryEvent {
  /** The outbox row's id at the source: the paging key. */
  id: number;
  /** True once the subscriber acknowledged it (its inbox holds the event). */
  delivered: boolean;
  envelope: EventEnvelope;
}

export interface HistoryPage {
  events: HistoryEvent[];
  /** Pass as `after` for the next page; null after the last one. */
  next: number | null;
}

/** The part of the URL that is signed: path and query, with the signing time in `at`. */
export function historyRequestTarget(subscriber: string, after: number, limit: number, at: number): string {
  const query = new URLSearchParams({ subscriber, after: String(after), limit: String(limit), at: String(at) });
  return `${EVENT_HISTORY_PATH}?${query.toString()}`;
}

export function signHistoryRequest(secret: string, target: string): string {
  return signEventBody(secret, `GET ${target}`);
}

function wholeNumber(value: string | null, min: number, max: number): number | null {
  if (value === null || !/^\d{1,15}$/.test(value)) return null;
  const parsed = Number(value);
  return parsed >= min && parsed <= max ? parsed : null;
}

/** GET /internal/events/history?subscriber=&after=&limit=&at=, signed; answers a HistoryPage as JSON. */
export function eventHistoryHandler(options: { dataSource: DataSource; secret: string }): RouteHandler {
  return async (request, response) => {
    if (request.method !== 'GET') return sendJson(response, 405, { error: 'GET only' });
    const target = request.url ?? '';
    if (!eventSignatureValid(options.secret, `GET ${target}`, headerValue(request, EVENT_SIGNATURE_HEADER)))
      return sendJson(response, 401, { error: 'bad event signature' });
    const query = new URL(target, 'http://localhost').searchParams;
    const at = wholeNumber(query.get('at'), 0, Number.MAX_SAFE_INTEGER);
    if (at === null || Math.abs(Date.now() - at) > HISTORY_SIGNATURE_WINDOW_MS)
      return sendJson(response, 401, { error: 'signature expired: sign again with the current time in "at"' });
    const subscriber = query.get('subscriber');
    const after = wholeNumber(query.get('after'), 0, Number.MAX_SAFE_INTEGER);
    const limit = wholeNumber(query.get('limit'), 1, MAX_HISTORY_PAGE);
    if (!SUBGRAPH_NAMES.includes(subscriber as SubgraphName) || after === null || limit === null)
      return sendJson(response, 400, { error: `subscriber, after and limit (1..${MAX_HISTORY_PAGE}) are required` });
    const rows = await options.dataSource.getRepository(OutboxMessage).find({
      select: { id: true, envelope: true, deliveredAt: true },
      where: { subscriber: subscriber!, id: MoreThan(after) },
      order: { id: 'ASC' },
      take: limit,
    });
    // The envelopes are stored as JSON text: spliced in as they are rather than parsed and written again.
    const events = rows.map(
      (row) => `{"id":${row.id},"delivered":${row.deliveredAt !== null},"envelope":${row.envelope}}`,
    );
    const next = rows.length === limit ? rows[rows.length - 1].id : null;
    const body = `{"events":[${events.join(',')}],"next":${next}}`;
    response.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    response.end(body);
  };
}

/** Where the history of one department is read from (HTTP between processes, or a stand-in in specs). */
export interface EventHistorySource {
  readonly name: string;
  page(subscriber: SubgraphName, after: number, limit: number): Promise<HistoryPage>;
}

/** Reads a subgraph's history over HTTP(S), signed; `agent` carries the client certificate under mTLS. */
export class HttpEventHistorySource implements EventHistorySource {
  constructor(
    readonly name: string,
    private readonly baseUrl: string,
    private readonly secret: string,
    private readonly agent?: Agent,
    private readonly timeoutMs = 60_000,
  ) {}

  async page(subscriber: SubgraphName, after: number, limit: number): Promise<HistoryPage> {
    const target = historyRequestTarget(subscriber, after, limit, Date.now());
    const answer = await sendRequest(`${this.baseUrl}${target}`, {
      agent: this.agent,
      method: 'GET',
      headers: { [EVENT_SIGNATURE_HEADER]: signHistoryRequest(this.secret, target) },
      timeoutMs: this.timeoutMs,
    });
    if (answer.status !== 200)
      throw new Error(`${this.name} answered ${answer.status} for its event history: ${answer.body.slice(0, 200)}`);
    return JSON.parse(answer.body) as HistoryPage;
  }
}
