import { randomUUID } from 'node:crypto';
import type { EventEnvelope, EventPayloads } from '../../platform/outbox/domain-event';
import { envelopeOf } from '../../platform/testing/event-envelopes';

// For specs only: the events credit receives (the testbed itself is platform/testing/subgraph-testbed.ts).

/** A `case.decided` envelope as enforcement publishes it, with a fresh event id unless one is given. */
export function caseDecided(
  payload: Partial<EventPayloads['case.decided']> = {},
  id: string = randomUUID(),
): EventEnvelope<'case.decided'> {
  return envelopeOf(
    'case.decided',
    {
      caseNumber: '3201022026000001',
      regionCode: '320102',
      creditCode: '91320102MA1MY0R10Q',
      plateNumber: null,
      cause: '未按规定进行车辆技术等级评定，擅自从事道路货物运输经营',
      permitNumber: null,
      penalty: 'FINE',
      fineFen: 500_000,
      summary: '责令改正，处罚款人民币伍仟元。',
      decidedAt: '2026-03-02T06:00:00.000Z',
      ...payload,
    },
    'enforcement',
    id,
  );
}

/** A `permit.issued` envelope as licensing publishes it (a Nanjing Xuanwu road freight licence). */
export function permitIssued(
  payload: Partial<EventPayloads['permit.issued']> = {},
  id: string = randomUUID(),
): EventEnvelope<'permit.issued'> {
  return envelopeOf(
    'permit.issued',
    {
      permitNumber: '320102HY20260302001',
      kind: 'ROAD_FREIGHT_TRANSPORT',
      creditCode: '91320102MA1MY0R10Q',
      regionCode: '320102',
      issuedAt: '2026-03-02T06:00:00.000Z',
      enterpriseName: '南京顺达货运有限公司',
      matter: '道路货物运输经营许可',
      legalBasis: '道路运输条例; 道路货物运输及站场管理规定',
      validFrom: '2026-03-02',
      validUntil: '2030-03-01',
      ...payload,
    },
    'licensing',
    id,
  );
}

/** An `enterprise.registered` envelope as licensing publishes it. */
export function enterpriseRegistered(
  payload: Partial<EventPayloads['enterprise.registered']> = {},
): EventEnvelope<'enterprise.registered'> {
  return envelopeOf(
    'enterprise.registered',
    {
      creditCode: '91320102MA1MY0R10Q',
      name: '南京顺达货运有限公司',
      regionCode: '320102',
      registeredAt: '2025-06-01T02:00:00.000Z',
      ...payload,
    },
    'licensing',
  );
}

/** A `permit.status-changed` envelope as licensing publishes it (the licence of `permitIssued` suspended). */
export function permitStatusChanged(
  payload: Partial<EventPayloads['permit.status-changed']> = {},
  id: string = randomUUID(),
): EventEnvelope<'permit.status-changed'> {
  return envelopeOf(
    'permit.status-changed',
    {
      permitNumber: '320102HY20260302001',
      creditCode: '91320102MA1MY0R10Q',
      regionCode: '320102',
      fromStatus: 'VALID',
      toStatus: 'SUSPENDED',
      caseNumber: null,
      changedAt: '2026-04-01T02:00:00.000Z',
      ...payload,
    },
    'licensing',
    id,
  );
}
