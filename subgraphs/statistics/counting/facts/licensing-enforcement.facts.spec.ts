import type { Logger } from '../../../../platform/observability/logger';
import type { EventPayloads, EventType } from '../../../../platform/outbox/domain-event';
import { EVENT_SUBSCRIBERS } from '../../../../platform/outbox/domain-event';
import { envelopeOf } from '../../../../platform/testing/event-envelopes';
import { EventCountingService } from '../event-counting.service';
import { COUNTED_EVENT_TYPES, factsOf } from './fact-mappers';

const decided = (changes: Partial<EventPayloads['permit-application.decided']> = {}) =>
  envelopeOf(
    'permit-application.decided',
    {
      applicationNumber: 'XK32010220260310000001',
      kind: 'ROAD_FREIGHT_TRANSPORT',
      regionCode: '320102',
      outcome: 'APPROVED',
      receivedAt: '2026-02-02T01:00:00.000Z',
      acceptedAt: '2026-02-03T01:00:00.000Z',
      decidedAt: '2026-03-10T02:00:00.000Z',
      decisionDueDate: '2026-03-05',
      workingDays: 23,
      overdue: true,
      ...changes,
    },
    'licensing',
  );

const weighed = (changes: Partial<EventPayloads['overload-records.weighed']> = {}) =>
  envelopeOf(
    'overload-records.weighed',
    {
      stationCode: '3201150001',
      regionCode: '320115',
      firstDetectedAt: '2026-04-01T00:30:00.000Z',
      lastDetectedAt: '2026-04-01T05:00:00.000Z',
      weighed: 7,
      overloaded: 2,
      ...changes,
    },
    'enforcement',
  );

/** The facts as [indicator, region, time, dimension, amount]. */
function factRows(envelope: Parameters<typeof factsOf>[0]) {
  return factsOf(envelope).map((fact) => [
    fact.indicator,
    fact.regionCode,
    fact.occurredAt,
    fact.dimension ?? '',
    fact.amount ?? 1,
  ]);
}

describe("facts of licensing's and enforcement's events", () => {
  const warnings: unknown[] = [];
  const logger = {
    debug: () => undefined,
    info: () => undefined,
    warn: (message: string, fields: unknown) => warnings.push([message, fields]),
    error: () => undefined,
  } as unknown as Logger;
  const counting = new EventCountingService(logger);
  beforeEach(() => warnings.splice(0));

  it('are heard: every event type mapped is one statistics subscribes to', () => {
    const mine: EventType[] = [
      'permit-application.received',
      'permit-application.decided',
      'permit-application.overdue',
      'case.transferred',
      'case.assistance-requested',
      'overload-records.weighed',
    ];
    expect(COUNTED_EVENT_TYPES).toEqual(expect.arrayContaining(mine));
    for (const type of mine) expect(EVENT_SUBSCRIBERS[type]).toContain('statistics');
  });

  it('counts an application received under its kind, at its submission', () => {
    const received = envelopeOf(
      'permit-application.received',
      {
        applicationNumber: 'XK32010220260310000001',
        kind: 'HAZARDOUS_GOODS_TRANSPORT',
        regionCode: '320102',
        receivedAt: '2026-02-28T17:00:00.000Z',
      },
      'licensing',
    );
    expect(factRows(received)).toEqual([
      ['APPLICATIONS_RECEIVED', '320102', '2026-02-28T17:00:00.000Z', 'HAZARDOUS_GOODS_TRANSPORT', 1],
    ]);
  });

  it('counts an approval decided late: decided, overdue, and its working days in the histogram', () => {
    expect(factRows(decided())).toEqual([
      ['APPLICATIONS_DECIDED', '320102', '2026-03-10T02:00:00.000Z', 'ROAD_FREIGHT_TRANSPORT', 1],
      ['PERMIT_DECISION_WORKING_DAYS', '320102', '2026-03-10T02:00:00.000Z', 'ROAD_FREIGHT_TRANSPORT/23', 1],
      ['APPLICATIONS_DECIDED_LATE', '320102', '2026-03-10T02:00:00.000Z', 'ROAD_FREIGHT_TRANSPORT', 1],
    ]);
  });

  it('counts an application gone overdue once, in the month of its first day past the deadline', () => {
    const overdue = envelopeOf(
      'permit-application.overdue',
      {
        applicationNumber: 'XK32010220260310000001',
        kind: 'ROAD_FREIGHT_TRANSPORT',
        regionCode: '320583',
        decisionDueDate: '2026-03-31',
        overdueAt: '2026-03-31T16:00:00.000Z',
      },
      'licensing',
    );
    expect(factRows(overdue)).toEqual([
      ['APPLICATIONS_OVERDUE', '320583', '2026-03-31T16:00:00.000Z', 'ROAD_FREIGHT_TRANSPORT', 1],
    ]);
  });

  it('counts a refusal in time as decided and refused, not overdue', () => {
    expect(factRows(decided({ outcome: 'REFUSED', overdue: false, workingDays: 0 })).map((row) => row[0])).toEqual([
      'APPLICATIONS_DECIDED',
      'PERMIT_DECISION_WORKING_DAYS',
      'APPLICATIONS_REFUSED',
    ]);
    expect(factsOf(decided({ outcome: 'REFUSED', overdue: false, workingDays: 0 }))[1].dimension).toBe(
      'ROAD_FREIGHT_TRANSPORT/0',
    );
  });

  it('counts a transfer under the region it left, by the region that took it', () => {
    const transferred = envelopeOf(
      'case.transferred',
      {
        caseNumber: '苏宁交罚〔2026〕12号',
        fromRegionCode: '320583',
        toRegionCode: '330106',
        transferredAt: '2026-05-02T01:00:00.000Z',
      },
      'enforcement',
    );
    expect(factRows(transferred)).toEqual([['CASES_TRANSFERRED', '320583', '2026-05-02T01:00:00.000Z', '330106', 1]]);
  });

  it('counts an assistance request under the region asking, by the region asked', () => {
    const requested = envelopeOf(
      'case.assistance-requested',
      {
        requestId: 7,
        caseNumber: '苏宁交罚〔2026〕12号',
        requestingRegionCode: '320102',
        assistingRegionCode: '330100',
        requestedAt: '2026-05-03T01:00:00.000Z',
      },
      'enforcement',
    );
    expect(factRows(requested)).toEqual([['ASSISTANCE_REQUESTS', '320102', '2026-05-03T01:00:00.000Z', '330100', 1]]);
  });

  it('counts weighings and overloads of a station at its first detection of the month', () => {
    expect(factRows(weighed())).toEqual([
      ['WEIGHINGS', '320115', '2026-04-01T00:30:00.000Z', '3201150001', 7],
      ['OVERLOAD_RECORDS', '320115', '2026-04-01T00:30:00.000Z', '3201150001', 2],
    ]);
    // No overload adds nothing to OVERLOAD_RECORDS (a zero amount is skipped by the roll-up) but still weighs.
    expect(counting.countableFacts(weighed({ overloaded: 0 })).map((fact) => fact.amount)).toEqual([7, 0]);
  });

  it.each([
    ['an unknown outcome', decided({ outcome: 'PENDING' as never })],
    ['negative working days', decided({ workingDays: -1 })],
    ['fractional working days', decided({ workingDays: 1.5 })],
    ['an overdue flag that is not true or false', decided({ overdue: 'yes' as never })],
    ['a missing kind', decided({ kind: undefined as never })],
    ['a region that is no GB/T 2260 code', decided({ regionCode: '3201' })],
    ['a decision time that is no instant', decided({ decidedAt: 'yesterday' })],
    ['more overloads than weighings', weighed({ overloaded: 8 })],
    ['a negative count', weighed({ weighed: -1, overloaded: 0 })],
    ['a station code that is no code', weighed({ stationCode: '' })],
  ])('counts nothing of an event with %s, and says so', (_problem, envelope) => {
    expect(counting.countableFacts(envelope)).toEqual([]);
    expect(warnings).toEqual([['event not counted', expect.objectContaining({ eventId: envelope.id })]]);
  });
});
