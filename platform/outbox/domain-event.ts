import type { SubgraphName } from '../config/config';

/** What each event carries. Payloads hold codes and facts, never personal information. */
export interface EventPayloads {
  'permit.issued': { permitNumber: string; kind: string; creditCode: string; regionCode: string; issuedAt: string };
  'case.filed': {
    caseNumber: string;
    regionCode: string;
    creditCode: string | null;
    plateNumber: string | null;
    filedAt: string;
  };
  'case.decided': {
    caseNumber: string;
    regionCode: string;
    creditCode: string | null;
    plateNumber: string | null;
    penalty: string;
    fineFen: number | null;
    /** The permit a PERMIT_SUSPENSION or PERMIT_REVOCATION names; licensing applies it. */
    permitNumber: string | null;
    summary: string;
    decidedAt: string;
  };
  'vehicle.registered': { plateNumber: string; ownerCreditCode: string; regionCode: string; registeredAt: string };
  'waybill.created': {
    waybillNumber: string;
    carrierCreditCode: string;
    plateNumber: string;
    originRegionCode: string;
    createdAt: string;
  };
}

export type EventType = keyof EventPayloads;

export interface EventEnvelope<TType extends EventType = EventType> {
  /** Unique per event; subscribers apply an id once. */
  id: string;
  type: TType;
  source: SubgraphName;
  occurredAt: string;
  payload: EventPayloads[TType];
}

/** Who hears what. A new subscriber is one line here plus a handler in its subgraph. */
export const EVENT_SUBSCRIBERS: Readonly<Record<EventType, readonly SubgraphName[]>> = {
  'permit.issued': ['statistics'],
  'case.filed': ['statistics'],
  'case.decided': ['credit', 'statistics', 'licensing'],
  // Enforcement keeps plate -> owner to link weigh-station records to enterprises without reading licensing's tables.
  'vehicle.registered': ['enforcement'],
  'waybill.created': ['statistics'],
};

export const EVENT_TYPES = Object.keys(EVENT_SUBSCRIBERS) as EventType[];
