import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Agent } from 'node:http';
import type { SubgraphName } from '../config/config';
import { sendRequest } from '../http/internal-tls';
import type { EventEnvelope } from './domain-event';
import type { EventTransport } from './event-outbox';

export const EVENT_SIGNATURE_HEADER = 'x-event-signature';
export const EVENTS_PATH = '/internal/events';

export function signEventBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function eventSignatureValid(secret: string, body: string, signature: string | undefined): boolean {
  if (!signature) return false;
  const expected = Buffer.from(signEventBody(secret, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Posts each event, HMAC-signed, to the subscriber's `/internal/events`; any non-2xx is a failure.
 * `agent` carries the publisher's client certificate when internal mTLS is on (internalAgent).
 */
export class HttpEventTransport implements EventTransport {
  constructor(
    private readonly subscriberUrls: Readonly<Record<SubgraphName, string>>,
    private readonly secret: string,
    private readonly agent?: Agent,
    private readonly timeoutMs = 5000,
  ) {}

  async deliver(subscriber: SubgraphName, envelope: EventEnvelope): Promise<void> {
    const body = JSON.stringify(envelope);
    const answer = await sendRequest(`${this.subscriberUrls[subscriber]}${EVENTS_PATH}`, {
      agent: this.agent,
      method: 'POST',
      headers: { 'content-type': 'application/json', [EVENT_SIGNATURE_HEADER]: signEventBody(this.secret, body) },
      body,
      timeoutMs: this.timeoutMs,
    });
    if (answer.status < 200 || answer.status > 299)
      throw new Error(`${subscriber} answered ${answer.status}: ${answer.body.slice(0, 200)}`);
  }
}
