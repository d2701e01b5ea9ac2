import type { SubgraphName } from '../../../platform/config/config';
import type { EventPayloads, EventType } from '../../../platform/outbox/domain-event';

/**
 * An event type a partner may subscribe to (订阅通知): where it is read, which catalogue items a
 * subscriber must hold grants for, and which payload fields it passes on, each under the catalogue item
 * that covers it. A field whose item the subscriber is not granted is left out; a field not listed is
 * never passed on (free text such as a case's cause or summary, plates, names).
 */
export interface NotifiableEvent<TType extends EventType = EventType> {
  type: TType;
  /** The department whose outbox holds the event. */
  source: SubgraphName;
  /**
   * A department that already subscribes to it (EVENT_SUBSCRIBERS): the source's event history is
   * kept per subscriber, and the gateway reads that subscriber's copy without becoming one.
   */
  readFrom: SubgraphName;
  /** The catalogue items (`Type.field`) every subscriber must be granted. */
  requires: readonly string[];
  /** Payload field -> the catalogue item that covers it. */
  fields: Readonly<Partial<Record<keyof EventPayloads[TType], string>>>;
  description: string;
}

function notifiable<TType extends EventType>(event: NotifiableEvent<TType>): NotifiableEvent {
  return event;
}

export const NOTIFIABLE_EVENTS: readonly NotifiableEvent[] = [
  notifiable({
    type: 'case.decided',
    source: 'enforcement',
    readFrom: 'statistics',
    requires: ['EnforcementCase.penalty'],
    fields: {
      caseNumber: 'EnforcementCase.caseNumber',
      regionCode: 'EnforcementCase.regionCode',
      creditCode: 'EnforcementCase.creditCode',
      penalty: 'EnforcementCase.penalty',
      fineFen: 'EnforcementCase.fineFen',
      permitNumber: 'EnforcementCase.permitNumber',
      decidedAt: 'EnforcementCase.decidedAt',
    },
    description: '行政处罚决定 a penalty was decided on an enterprise or vehicle',
  }),
  notifiable({
    type: 'permit.status-changed',
    source: 'licensing',
    readFrom: 'credit',
    requires: ['Permit.status'],
    fields: {
      permitNumber: 'Permit.number',
      creditCode: 'Permit.creditCode',
      regionCode: 'Permit.regionCode',
      fromStatus: 'Permit.status',
      toStatus: 'Permit.status',
      caseNumber: 'EnforcementCase.caseNumber',
      changedAt: 'Permit.status',
    },
    description: '许可暂扣 / 吊销 a permit was suspended, restored or revoked',
  }),
  notifiable({
    type: 'permit.issued',
    source: 'licensing',
    readFrom: 'statistics',
    requires: ['Permit.number'],
    fields: {
      permitNumber: 'Permit.number',
      kind: 'Permit.kind',
      creditCode: 'Permit.creditCode',
      regionCode: 'Permit.regionCode',
      issuedAt: 'Permit.issuedAt',
      validFrom: 'Permit.validFrom',
      validUntil: 'Permit.validUntil',
      hazardClasses: 'Permit.hazardClasses',
    },
    description: '许可证核发 a permit was issued',
  }),
  notifiable({
    type: 'credit.list-changed',
    source: 'credit',
    readFrom: 'statistics',
    requires: ['CreditListEntry.creditCode'],
    fields: {
      entryId: 'CreditListEntry.id',
      version: 'CreditListEntry.version',
      list: 'CreditListEntry.list',
      creditCode: 'CreditListEntry.creditCode',
      listed: 'CreditListEntry.removedAt',
      criterion: 'CreditListEntry.criterion',
      regionCode: 'CreditListEntry.regionCode',
      startedAt: 'CreditListEntry.startedAt',
      plannedRemovalAt: 'CreditListEntry.plannedRemovalAt',
      removedAt: 'CreditListEntry.removedAt',
      removalReason: 'CreditListEntry.removalReason',
      action: 'CreditListEntry.version',
    },
    description: '信用名单变更 an enterprise entered or left the serious-dishonesty list',
  }),
];

const BY_TYPE = new Map(NOTIFIABLE_EVENTS.map((event) => [event.type as string, event]));

export function notifiableEvent(type: string): NotifiableEvent | undefined {
  return BY_TYPE.get(type);
}

/** The payload fields the grants let through, only those the table names; null when a required item is not granted. */
export function grantedData(
  event: NotifiableEvent,
  payload: Readonly<Record<string, unknown>>,
  covers: (coordinate: string) => boolean,
): Record<string, unknown> | null {
  if (!event.requires.every(covers)) return null;
  const data: Record<string, unknown> = {};
  for (const [field, coordinate] of Object.entries(event.fields)) {
    if (typeof coordinate === 'string' && covers(coordinate) && payload[field] !== undefined)
      data[field] = payload[field];
  }
  return data;
}
