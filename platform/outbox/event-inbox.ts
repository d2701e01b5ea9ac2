import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { inTransaction } from '../database/data-source.factory';
import { headerValue, readBody, sendJson, type RouteHandler } from '../http/http-server';
import type { Logger } from '../observability/logger';
import { EVENT_TYPES, type EventEnvelope, type EventType } from './domain-event';
import { EVENT_SIGNATURE_HEADER, eventSignatureValid } from './http-event.transport';
import { InboxEvent } from './inbox-event.entity';

export type EventHandlers = {
  [TType in EventType]?: (manager: EntityManager, envelope: EventEnvelope<TType>) => Promise<void>;
};

const envelopeSchema = z.object({
  id: z.string().uuid(),
  type: z.enum(EVENT_TYPES as [EventType, ...EventType[]]),
  source: z.string().min(1),
  occurredAt: z.string().datetime(),
  payload: z.record(z.unknown()),
});

/**
 * Applies an event exactly once: the handler's writes and the inbox row commit together, so a
 * redelivered event finds its id and is acknowledged without being applied again.
 */
export async function applyEventOnce(
  dataSource: DataSource,
  handlers: EventHandlers,
  envelope: EventEnvelope,
): Promise<'applied' | 'duplicate'> {
  return inTransaction(dataSource, async (manager) => {
    if (await manager.existsBy(InboxEvent, { eventId: envelope.id })) return 'duplicate';
    const handler = handlers[envelope.type] as
      ((manager: EntityManager, envelope: EventEnvelope) => Promise<void>) | undefined;
    if (handler) await handler(manager, envelope);
    await manager.insert(InboxEvent, {
      eventId: envelope.id,
      eventType: envelope.type,
      source: envelope.source,
      receivedAt: new Date(),
    });
    return 'applied';
  });
}

export function eventInboxHandler(options: {
  dataSource: DataSource;
  secret: string;
  handlers: EventHandlers;
  logger: Logger;
}): RouteHandler {
  return async (request, response) => {
    if (request.method !== 'POST') return sendJson(response, 405, { error: 'POST only' });
    const body = (await readBody(request)).toString('utf8');
    if (!eventSignatureValid(options.secret, body, headerValue(request, EVENT_SIGNATURE_HEADER))) {
      return sendJson(response, 401, { error: 'bad event signature' });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return sendJson(response, 400, { error: 'body is not JSON' });
    }
    const envelope = envelopeSchema.safeParse(parsed);
    if (!envelope.success)
      return sendJson(response, 400, { error: 'not an event envelope', issues: envelope.error.issues });
    try {
      const outcome = await applyEventOnce(options.dataSource, options.handlers, envelope.data as EventEnvelope);
      options.logger.debug('event received', { eventId: envelope.data.id, type: envelope.data.type, outcome });
      sendJson(response, 200, { outcome });
    } catch (error) {
      // Two deliveries of one event racing: the loser's inbox insert fails on the primary key.
      if (await options.dataSource.getRepository(InboxEvent).existsBy({ eventId: envelope.data.id })) {
        return sendJson(response, 200, { outcome: 'duplicate' });
      }
      throw error;
    }
  };
}
