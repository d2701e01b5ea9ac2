import { randomUUID } from 'node:crypto';
import type { EventEnvelope, EventPayloads, EventType } from '../outbox/domain-event';

/** For specs only: an event as `source` publishes it, with a fresh id unless one is given. */
export function envelopeOf<TType extends EventType>(
  type: TType,
  payload: EventPayloads[TType],
  source: EventEnvelope['source'],
  id: string = randomUUID(),
): EventEnvelope<TType> {
  return { id, type, source, occurredAt: new Date().toISOString(), payload };
}
