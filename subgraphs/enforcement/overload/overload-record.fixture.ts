import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../../../platform/outbox/domain-event';
import { applyEventOnce } from '../../../platform/outbox/event-inbox';
import { OutboxMessage } from '../../../platform/outbox/outbox-message.entity';
import { scopeIn } from '../../../platform/testing/callers';
import { testbedPerTest, type ReopenTestbed } from '../../../platform/testing/subgraph-testbed';
import { EnforcementCase } from '../enforcement-case/enforcement-case.entity';
import type { EnforcementTestbed } from '../enforcement.fixture';
import { enforcementSubgraph } from '../enforcement.subgraph';
import type { OverloadRecordInput } from './inputs/submit-overload-records.input';
import { OverloadRecord } from './overload-record.entity';
import type { SubmitOverloadRecordsPayload } from './overload-record.payload';
import type { OverloadRecordService } from './overload-record.service';

// For specs only: weigh-station detections and the helpers the overload record specs share
// (the testbed itself is platform/testing/subgraph-testbed.ts).

export const KUNSHAN_CARRIER = '91320583MA1NQ2W40E';
export const KUNSHAN_STATION = '3205830001'; // 昆山市
export const NANJING_STATION = '3201150001'; // 江宁区
export const HANGZHOU_STATION = '3301060001'; // 西湖区
export const STATION = { clientId: 'weigh-station-js-0001', actor: 'service-account-weigh-station-js-0001' };
export const NOW = new Date('2026-06-01T04:00:00.000Z');
export const HOUR = 3600_000;

export const NATIONAL = scopeIn('000000');
export const JIANGSU = scopeIn('320000');
export const NANJING = scopeIn('320100');
export const ZHEJIANG = scopeIn('330000');

let serial = 0;
/** A six-axle vehicle weighed at Kunshan an hour before NOW, within its 49 t limit unless told otherwise. */
export function detection(overrides: Partial<OverloadRecordInput> = {}): OverloadRecordInput {
  serial += 1;
  return {
    stationCode: KUNSHAN_STATION,
    stationRecordId: `KS-${serial}`,
    detectedAt: new Date(NOW.getTime() - HOUR),
    plateNumber: '苏E88888',
    axleCount: 6,
    grossWeightKg: 40_000,
    limitKg: 49_000,
    ...overrides,
  };
}
export const overloaded = (overrides: Partial<OverloadRecordInput> = {}) =>
  detection({ grossWeightKg: 56_000, ...overrides });

/** Each result of a batch as [outcome, overloaded]. */
export const outcomes = (payload: SubmitOverloadRecordsPayload) =>
  payload.results.map((result) => [result.outcome, result.overloaded]);

/** A fresh testbed's overload service, with what the specs submit and read back through it. */
export function overloadSpec(testbed: EnforcementTestbed) {
  const overload: OverloadRecordService = testbed.services.overload;
  return {
    testbed,
    overload,
    submit: (records: OverloadRecordInput[], scope = JIANGSU, now = NOW) =>
      overload.submit(scope, STATION, records, now),
    storedRecords: () => testbed.dataSource.getRepository(OverloadRecord).find({ order: { id: 'ASC' } }),
    storedCases: () => testbed.dataSource.getRepository(EnforcementCase).find({ order: { id: 'ASC' } }),
    /** The payloads of the case.filed events in the outbox, oldest first. */
    filedEvents: async () =>
      (
        await testbed.dataSource
          .getRepository(OutboxMessage)
          .find({ where: { eventType: 'case.filed' }, order: { id: 'ASC' } })
      ).map((message) => (JSON.parse(message.envelope) as EventEnvelope<'case.filed'>).payload),
    /** Delivers licensing's vehicle.registered as the inbox would. */
    registerVehicle: (plateNumber: string, ownerCreditCode: string, id = randomUUID()) =>
      applyEventOnce(testbed.dataSource, enforcementSubgraph.eventHandlers!(testbed.services), {
        id,
        type: 'vehicle.registered',
        source: 'licensing',
        occurredAt: new Date().toISOString(),
        payload: { plateNumber, ownerCreditCode, regionCode: '320583', registeredAt: new Date().toISOString() },
      } satisfies EventEnvelope<'vehicle.registered'>),
  };
}

export type OverloadSpec = ReturnType<typeof overloadSpec>;

/** A fresh testbed for every test of the enclosing describe block, handed to `use` as an overload spec. */
export function overloadPerTest(use: (spec: OverloadSpec) => void): ReopenTestbed<never> {
  return testbedPerTest(enforcementSubgraph, (testbed) => use(overloadSpec(testbed)));
}
