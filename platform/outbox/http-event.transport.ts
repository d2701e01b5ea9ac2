import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SubgraphName } from '../config/config';
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

/** Posts each event, HMAC-signed, to the subscriber's `/internal/events`; any non-2xx is a failure. */
export class HttpEventTransport implements EventTransport {
  constructor(
    private readonly subscriberUrls: Readonly<Record<SubgraphName, string>>,
    private readonly secret: string,
    private readonly timeoutMs = 5000,
  ) {}

  async deliver(subscriber: SubgraphName, envelope: EventEnvelope): Promise<void> {
    const body = JSON.stringify(envelope);
    const response = await fetch(`${this.subscriberUrls[subscriber]}${EVENTS_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [EVENT_SIGNATURE_HEADER]: signEventBody(this.secret, body) },
      body,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok)
      throw new Error(`${subscriber} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  }
}
