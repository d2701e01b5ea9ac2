import type { EventHandlers } from '../../../platform/outbox/event-inbox';
import type { StatisticsServices } from '../statistics.context';

/** The events statistics subscribes to (see EVENT_SUBSCRIBERS), each counted in the inbox transaction. */
export function statisticsEventHandlers({ counting }: StatisticsServices): EventHandlers {
  return {
    'permit.issued': (manager, envelope) => counting.permitIssued(manager, envelope),
    'case.filed': (manager, envelope) => counting.caseFiled(manager, envelope),
    'case.decided': (manager, envelope) => counting.caseDecided(manager, envelope),
    'waybill.created': (manager, envelope) => counting.waybillCreated(manager, envelope),
  };
}
