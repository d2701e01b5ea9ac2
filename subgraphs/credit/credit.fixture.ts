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
