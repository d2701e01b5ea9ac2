import type { EventPayloads } from '../../../../platform/outbox/domain-event';
import type { Logger } from '../../../../platform/observability/logger';
import { envelopeOf } from '../../../../platform/testing/event-envelopes';
import { EventCountingService } from '../event-counting.service';

function counting() {
  const warnings: Array<Record<string, unknown> | undefined> = [];
  const logger: Logger = {
    debug: () => undefined,
    info: () => undefined,
    error: () => undefined,
    warn: (_message, detail) => void warnings.push(detail),
  };
  return { service: new EventCountingService(logger), warnings };
}

const NANJING_CARRIER = '91320102MA1MY0R10Q';

const waybill = (payload: Partial<EventPayloads['waybill.created']> = {}) =>
  envelopeOf(
    'waybill.created',
    {
      waybillNumber: 'YD32010220260310000001',
      carrierCreditCode: NANJING_CARRIER,
      plateNumber: '苏A12345',
      originRegionCode: '320102',
      createdAt: '2026-03-10T02:00:00.000Z',
      hazardClass: '3',
      destinationRegionCode: '330106',
      routeProvinceCodes: ['320000', '330000'],
      ...payload,
    },
    'safety',
  );

const dayClosed = (payload: Partial<EventPayloads['monitoring.day-closed']> = {}) =>
  envelopeOf(
    'monitoring.day-closed',
    { day: '2026-03-31', regionCode: '320102', monitoredVehicles: 4, onlineVehicles: 3, ...payload },
    'safety',
  );

const hazardFound = (payload: Partial<EventPayloads['hazard.found']> = {}) =>
  envelopeOf(
    'hazard.found',
    {
      hazardId: 1,
      regionCode: '320583',
      level: 'MAJOR',
      foundOn: '2026-04-30',
      deadline: '2026-06-11',
      recordedAt: '2026-05-02T01:00:00.000Z',
      ...payload,
    },
    'safety',
  );

const hazardClosed = (payload: Partial<EventPayloads['hazard.closed']> = {}) =>
  envelopeOf(
    'hazard.closed',
    {
      hazardId: 1,
      regionCode: '320583',
      level: 'GENERAL',
      deadline: '2026-05-14',
      closedAt: '2026-05-20T03:00:00.000Z',
      late: true,
      ...payload,
    },
    'safety',
  );

describe("facts from safety's events", () => {
  it('counts a waybill at its origin by hazard class, and a cross-province one by destination province', () => {
    const { service } = counting();
    expect(service.countableFacts(waybill())).toEqual([
      {
        indicator: 'WAYBILLS_CREATED',
        regionCode: '320102',
        occurredAt: '2026-03-10T02:00:00.000Z',
        dimension: '3',
        creditCode: NANJING_CARRIER,
      },
      {
        indicator: 'CROSS_PROVINCE_WAYBILLS',
        regionCode: '320102',
        occurredAt: '2026-03-10T02:00:00.000Z',
        dimension: '330000',
      },
    ]);
  });

  it('counts a waybill within its province as no flow, and one of an older event with the class empty', () => {
    const { service } = counting();
    expect(service.countableFacts(waybill({ destinationRegionCode: '320583' })).map((fact) => fact.indicator)).toEqual([
      'WAYBILLS_CREATED',
    ]);
    const older = waybill({ hazardClass: undefined, destinationRegionCode: undefined, routeProvinceCodes: undefined });
    expect(service.countableFacts(older)).toEqual([
      expect.objectContaining({ indicator: 'WAYBILLS_CREATED', dimension: '' }),
    ]);
  });

  it('counts an alert by kind in the certifying region', () => {
    const { service } = counting();
    const alert = envelopeOf(
      'safety-alert.raised',
      { kind: 'FATIGUE_DRIVING', regionCode: '330100', occurredAt: '2026-03-10T20:00:00.000Z' },
      'safety',
    );
    expect(service.countableFacts(alert)).toEqual([
      {
        indicator: 'SAFETY_ALERTS',
        regionCode: '330100',
        occurredAt: '2026-03-10T20:00:00.000Z',
        dimension: 'FATIGUE_DRIVING',
      },
    ]);
  });

  it("counts a settled day's vehicle-days in the day's own month, even its last day", () => {
    const { service } = counting();
    expect(service.countableFacts(dayClosed())).toEqual([
      { indicator: 'MONITORED_VEHICLE_DAYS', regionCode: '320102', occurredAt: '2026-03-31T12:00:00+08:00', amount: 4 },
      { indicator: 'ONLINE_VEHICLE_DAYS', regionCode: '320102', occurredAt: '2026-03-31T12:00:00+08:00', amount: 3 },
    ]);
  });

  it('counts a hazard found (+1 open) on its inspection day, a closed one (-1 open) and, when late, as late', () => {
    const { service } = counting();
    expect(service.countableFacts(hazardFound())).toEqual([
      { indicator: 'HAZARDS_FOUND', regionCode: '320583', occurredAt: '2026-04-30T12:00:00+08:00', dimension: 'MAJOR' },
      {
        indicator: 'HAZARD_OPEN_CHANGES',
        regionCode: '320583',
        occurredAt: '2026-04-30T12:00:00+08:00',
        dimension: 'MAJOR',
        amount: 1,
      },
    ]);
    const closed = { regionCode: '320583', occurredAt: '2026-05-20T03:00:00.000Z', dimension: 'GENERAL' };
    expect(service.countableFacts(hazardClosed())).toEqual([
      { ...closed, indicator: 'HAZARDS_CLOSED' },
      { ...closed, indicator: 'HAZARD_OPEN_CHANGES', amount: -1 },
      { ...closed, indicator: 'HAZARDS_CLOSED_LATE' },
    ]);
    expect(service.countableFacts(hazardClosed({ late: false })).map((fact) => fact.indicator)).toEqual([
      'HAZARDS_CLOSED',
      'HAZARD_OPEN_CHANGES',
    ]);
  });

  it('counts a hazard overdue from the day after its deadline, and its close out of the overdue stock only if counted', () => {
    const { service } = counting();
    const overdue = envelopeOf(
      'hazard.overdue',
      { hazardId: 1, regionCode: '320583', level: 'GENERAL', deadline: '2026-05-31' },
      'safety',
    );
    expect(service.countableFacts(overdue)).toEqual([
      {
        indicator: 'HAZARD_OVERDUE_CHANGES',
        regionCode: '320583',
        occurredAt: '2026-06-01T04:00:00.000Z',
        dimension: 'GENERAL',
        amount: 1,
      },
    ]);
    const counted = service.countableFacts(hazardClosed({ overdueCounted: true }));
    expect(counted.at(-1)).toEqual({
      indicator: 'HAZARD_OVERDUE_CHANGES',
      regionCode: '320583',
      occurredAt: '2026-05-20T03:00:00.000Z',
      dimension: 'GENERAL',
      amount: -1,
    });
    expect(counted).toHaveLength(4);
    expect(service.countableFacts(hazardClosed({ overdueCounted: false }))).toHaveLength(3);
  });

  it.each([
    ['a waybill to a region that does not exist', waybill({ destinationRegionCode: '12345' })],
    ['a waybill from nowhere', waybill({ originRegionCode: undefined as unknown as string })],
    [
      'an alert without a time',
      envelopeOf('safety-alert.raised', { kind: 'SPEEDING', regionCode: '320102', occurredAt: '' }, 'safety'),
    ],
    ['a day that is not a date', dayClosed({ day: '2026-3-31' })],
    ['a day with more vehicles online than monitored', dayClosed({ onlineVehicles: 5 })],
    ['a day with a negative count', dayClosed({ monitoredVehicles: -1 })],
    ['a hazard found on no date', hazardFound({ foundOn: undefined as unknown as string })],
    ['a closed hazard whose lateness is not told', hazardClosed({ late: undefined as unknown as boolean })],
    [
      'an overdue hazard without a deadline',
      envelopeOf('hazard.overdue', { hazardId: 1, regionCode: '320583', level: 'MAJOR', deadline: '' }, 'safety'),
    ],
  ])('counts %s not at all, and says why', (_case, envelope) => {
    const { service, warnings } = counting();
    expect(service.countableFacts(envelope)).toEqual([]);
    expect(warnings.map((warning) => [warning?.eventId, typeof warning?.problem])).toEqual([[envelope.id, 'string']]);
  });
});
