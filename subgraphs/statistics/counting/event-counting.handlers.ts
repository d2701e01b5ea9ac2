import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '../../../platform/outbox/domain-event';
import type { EventHandlers } from '../../../platform/outbox/event-inbox';
import type { StatisticsServices } from '../statistics.context';
import { COUNTED_EVENT_TYPES } from './facts/fact-mappers';

/** The events statistics subscribes to (see EVENT_SUBSCRIBERS), each counted in the inbox transaction. */
export function statisticsEventHandlers({ counting }: StatisticsServices): EventHandlers {
  const count = (manager: EntityManager, envelope: EventEnvelope) => counting.count(manager, envelope);
  return Object.fromEntries(COUNTED_EVENT_TYPES.map((type) => [type, count]));
}
