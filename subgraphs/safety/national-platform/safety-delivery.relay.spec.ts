import { expect } from '@jest/globals';
import { createLogger } from '../../../platform/observability/logger';
import type { DeliveryOutcome } from '../../../platform/national-platform/delivery-relay';
import { testbedPerTest, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { scopeIn } from '../../../platform/testing/callers';
import { gasoline, JIANGSU, NATIONAL, seedSpecRegistry } from '../safety.fixture';
import { safetySubgraph } from '../safety.subgraph';
import { SafetyPlatformUnavailable, type NationalSafetyPlatform, type PushedReport } from './national-safety-platform';
import { SafetyDeliveryRelay } from './safety-delivery.relay';
import { SafetyDeliveryState, SafetyPlatformDelivery } from './safety-platform-delivery.entity';
import type { SafetyReport } from './safety-report';

const QUIET = createLogger('safety-relay-spec', 'error');
const TIMEOUT_MS = 2000;
/** The relay's lease: three request timeouts, at least 10 s. */
const LEASE_MS = 10_000;

/** A platform as the contract describes it: versions applied once and in order, arrivals logged. */
class PlatformDouble implements NationalSafetyPlatform {
  readonly applied = new Map<string, PushedReport[]>();
  readonly arrivals: string[] = [];
  duplicates = 0;
  failing = false;

  push(report: PushedReport): Promise<DeliveryOutcome> {
    if (this.failing) return Promise.reject(new SafetyPlatformUnavailable('cannot be reached (ECONNREFUSED)'));
    const key = `${report.reportType}:${report.reportId}`;
    this.arrivals.push(`${key}:${report.version}`);
    const applied = this.applied.get(key) ?? [];
    this.applied.set(key, applied);
    if (applied.some((each) => each.version === report.version)) {
      this.duplicates += 1;
      return Promise.resolve({ outcome: 'DUPLICATE', receiptNumber: `R-${key}-${report.version}` });
    }
    if (report.version !== applied.length + 1)
      return Promise.resolve({ outcome: 'OUT_OF_ORDER', expectedVersion: applied.length + 1 });
    applied.push(report);
    return Promise.resolve({ outcome: 'ACCEPTED', receiptNumber: `R-${key}-${report.version}` });
  }

  versions(reportType: string, reportId: string): number[] {
    return (this.applied.get(`${reportType}:${reportId}`) ?? []).map((report) => report.version);
  }
}

const hazard = (reportId: string, version: number, regionCode = '320102'): SafetyReport => ({
  reportType: 'MAJOR_HAZARD',
  reportId,
  version,
  regionCode,
  payload: { hazardNumber: reportId, status: version === 1 ? 'REPORTED' : 'RECTIFIED' },
});

describe('the reports to the national safety platform', () => {
  let testbed: TestbedOf<typeof safetySubgraph>;
  let now: Date;
  let platform: PlatformDouble;
  testbedPerTest(
    safetySubgraph,
    (opened) => {
      testbed = opened;
    },
    // The services' own relay is never started here; the specs run relays of their own.
    () => ({ externals: { clock: () => now, nationalPlatform: { push: (report) => platform.push(report) } } }),
  );
  beforeEach(() => {
    now = new Date('2026-12-03T08:00:00Z');
    platform = new PlatformDouble();
  });

  const relay = (owner: string, target: NationalSafetyPlatform = platform) =>
    new SafetyDeliveryRelay(
      testbed.dataSource,
      target,
      { pollIntervalMs: 60_000, maxBackoffMs: 60_000, concurrency: 4, requestTimeoutMs: TIMEOUT_MS, owner },
      QUIET,
      () => now,
    );
  const record = (...reports: SafetyReport[]) =>
    testbed.dataSource.transaction(async (manager) => {
      for (const report of reports) await testbed.services.reports.record(manager, report);
    });
  const rows = () =>
    testbed.dataSource
      .getRepository(SafetyPlatformDelivery)
      .find({ order: { reportType: 'ASC', reportId: 'ASC', version: 'ASC' } });
  const states = async () => (await rows()).map((row) => `${row.reportId}:${row.version}:${row.state}`);
  const later = (milliseconds: number) => {
    now = new Date(now.getTime() + milliseconds);
  };

  it('records a cross-province waybill’s departure and arrival, in the transition’s transaction, without names', async () => {
    await seedSpecRegistry(testbed.dataSource);
    const { waybillNumber } = await testbed.services.waybills.create(NATIONAL, gasoline(), 'js-safety-officer');
    await testbed.services.waybills.depart(NATIONAL, { waybillNumber });
    await testbed.services.waybills.arrive(NATIONAL, { waybillNumber });
    // Within one province: nothing to report.
    const local = await testbed.services.waybills.create(
      NATIONAL,
      gasoline({ destinationRegionCode: '320583' }),
      'js-safety-officer',
    );
    await testbed.services.waybills.depart(NATIONAL, { waybillNumber: local.waybillNumber });
    // Cancelled before it left: the platform never hears of it.
    const unsent = await testbed.services.waybills.create(NATIONAL, gasoline(), 'js-safety-officer');
    await testbed.services.waybills.cancel(NATIONAL, { waybillNumber: unsent.waybillNumber, reason: '取消' });

    const recorded = await rows();
    expect(recorded.map((row) => `${row.reportType}:${row.reportId}:${row.version}`)).toEqual([
      `CROSS_PROVINCE_WAYBILL:${waybillNumber}:1`,
      `CROSS_PROVINCE_WAYBILL:${waybillNumber}:2`,
    ]);
    const [departed, arrived] = recorded.map((row) => JSON.parse(row.payload) as Record<string, unknown>);
    expect(departed).toMatchObject({ waybillNumber, status: 'IN_TRANSIT', arrivedAt: null, unNumber: 'UN1203' });
    expect(arrived).toMatchObject({ status: 'ARRIVED', originRegionCode: '320102', destinationRegionCode: '330106' });
    expect(Object.keys(arrived)).not.toEqual(expect.arrayContaining(['shipperName']));
    expect(JSON.stringify(arrived)).not.toMatch(/consignee|shipper|goodsName|driver|escort|loader|张建国/);
    expect(recorded[0].regionCode).toBe('320102');
  });

  it('delivers each report’s versions in order, every one once, with the receipt', async () => {
    await record(hazard('H1', 1), hazard('H2', 1));
    await record(hazard('H1', 2), hazard('H1', 3));
    expect(await relay('relay-a').drain()).toBe(4);
    expect(platform.versions('MAJOR_HAZARD', 'H1')).toEqual([1, 2, 3]);
    expect(platform.arrivals).toHaveLength(4);
    expect((await rows())[0]).toMatchObject({
      state: SafetyDeliveryState.DELIVERED,
      attempts: 1,
      receiptNumber: 'R-MAJOR_HAZARD:H1-1',
      leaseOwner: null,
    });
  });

  it('keeps reports pending through an outage with a growing backoff, then delivers every one', async () => {
    await record(hazard('H3', 1), hazard('H3', 2), hazard('H4', 1));
    platform.failing = true;
    const outbox = relay('relay-a');
    expect(await outbox.drain()).toBe(0);
    const [first] = await rows();
    expect(first).toMatchObject({ state: 'PENDING', attempts: 1 });
    expect(first.lastError).toMatch(/^国家安全生产监管平台暂不可用 .*ECONNREFUSED/);
    const firstWait = first.nextAttemptAt!.getTime() - now.getTime();
    expect(firstWait).toBeGreaterThanOrEqual(500);
    expect(await outbox.drain()).toBe(0);
    later(1_000);
    expect(await outbox.drain()).toBe(0);
    const probed = (await rows()).filter((row) => row.attempts === 2);
    expect(probed).toHaveLength(1);
    expect(probed[0].nextAttemptAt!.getTime() - now.getTime()).toBeGreaterThan(firstWait);
    expect(await testbed.services.nationalPlatform.deliveries.summary(NATIONAL)).toMatchObject({
      pendingCount: 3,
      deliveredCount: 0,
      oldestPendingAgeSeconds: 1,
    });

    platform.failing = false;
    later(60_000);
    expect(await outbox.drain()).toBe(3);
    expect(await states()).toEqual(['H3:1:DELIVERED', 'H3:2:DELIVERED', 'H4:1:DELIVERED']);
  });

  it('after a relay dies between send and acknowledgement, another takes the lease over and the platform answers duplicate', async () => {
    await record(hazard('H5', 1), hazard('H5', 2));
    let answerA: () => void = () => undefined;
    const heldAnswer = new Promise<void>((resolve) => (answerA = resolve));
    const dying: NationalSafetyPlatform = {
      push: async (report) => {
        const outcome = await platform.push(report);
        await heldAnswer;
        return outcome;
      },
    };
    const passOfA = relay('relay-a', dying).drain();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(platform.arrivals).toEqual(['MAJOR_HAZARD:H5:1']);
    const relayB = relay('relay-b');
    expect(await relayB.drain()).toBe(0);
    later(LEASE_MS + 1);
    expect(await relayB.drain()).toBe(2);
    expect(platform.duplicates).toBe(1);
    expect(platform.versions('MAJOR_HAZARD', 'H5')).toEqual([1, 2]);
    answerA();
    await passOfA;
    expect(await states()).toEqual(['H5:1:DELIVERED', 'H5:2:DELIVERED']);
  });

  it('shows officers the reports of their regions only, national scope all', async () => {
    await record(hazard('H6', 1, '320102'), hazard('H7', 1, '330106'));
    const page = { limit: 10, afterId: null };
    const ids = async (region: string) =>
      (await testbed.services.nationalPlatform.deliveries.list(scopeIn(region), null, null, page)).edges.map(
        (edge) => edge.node.reportId,
      );
    expect(await ids('320000')).toEqual(['H6']);
    expect(await ids('330000')).toEqual(['H7']);
    expect((await ids('000000')).sort()).toEqual(['H6', 'H7']);
    expect(await testbed.services.nationalPlatform.deliveries.summary(JIANGSU)).toMatchObject({ pendingCount: 1 });
  });
});
