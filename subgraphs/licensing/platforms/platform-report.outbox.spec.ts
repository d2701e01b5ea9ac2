import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { inTransaction, openDataSource } from '../../../platform/database/data-source.factory';
import { createLogger } from '../../../platform/observability/logger';
import { Counters } from '../../../platform/observability/metrics';
import { licensingSubgraph } from '../licensing.subgraph';
import { DEMO_PROJECT_APPROVED_WITH_AWARD } from './demo-platform-data';
import { InvestmentPlatformAdapter } from './investment-platform.adapter';
import { startInvestmentPlatformSimulator, type InvestmentPlatformState } from './investment-platform.simulator';
import type { DecisionReport } from './national-platforms';
import type { RunningSimulator } from '../../../platform/national-platform/platform-simulator';
import { PlatformReport, PlatformReportState } from './platform-report.entity';
import { PlatformReportOutbox } from './platform-report.outbox';

// The relay against the investment platform simulator through the real HTTP adapter, on the licensing
// schema as migrated in production (embedded SQLite in a temporary directory).

const FIRST_RETRY_MS = 40;
const MAX_BACKOFF_MS = 160;
const logger = createLogger('spec', 'error');

function openLicensingDatabase(dataDir: string): Promise<DataSource> {
  return openDataSource({
    settings: { kind: 'embedded', schema: 'licensing', poolSize: 1 },
    dataDir,
    entities: licensingSubgraph.entities,
    migrations: licensingSubgraph.migrations,
    counters: new Counters(),
    logger,
  });
}

let serial = 0;
function decision(overrides: Partial<DecisionReport> = {}): DecisionReport {
  serial += 1;
  return {
    applicationNumber: `XK32050020261124${String(serial).padStart(6, '0')}`,
    projectCode: DEMO_PROJECT_APPROVED_WITH_AWARD,
    decision: 'APPROVED',
    permitNumber: `3205002026SG${String(serial).padStart(6, '0')}`,
    decidedAt: '2026-11-24T02:00:00.000Z',
    authorityRegionCode: '320500',
    comment: null,
    ...overrides,
  };
}

const wait = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe('decision reports through the outbox', () => {
  let dataDir: string;
  let dataSource: DataSource;
  let simulator: RunningSimulator & { state: InvestmentPlatformState };
  let outbox: PlatformReportOutbox;

  const rows = () => dataSource.getRepository(PlatformReport).find({ order: { id: 'ASC' } });
  const receivedAt = (applicationNumber: string) =>
    simulator.state.receivedReports().filter((entry) => entry.report.applicationNumber === applicationNumber);
  const newOutbox = (timeoutMs = 1000) =>
    new PlatformReportOutbox(
      dataSource,
      new InvestmentPlatformAdapter({ baseUrl: simulator.url, timeoutMs }),
      { pollIntervalMs: 20, maxBackoffMs: MAX_BACKOFF_MS, firstRetryMs: FIRST_RETRY_MS },
      logger,
    );
  /** Drains until every report is delivered (waiting out backoffs), or fails after a while. */
  async function drainUntilDelivered(relay: PlatformReportOutbox): Promise<void> {
    for (let round = 0; round < 100; round += 1) {
      await relay.drain();
      if ((await rows()).every((row) => row.state === PlatformReportState.DELIVERED)) return;
      await wait(FIRST_RETRY_MS);
    }
    throw new Error('reports still pending');
  }

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'platform-report-spec-'));
    dataSource = await openLicensingDatabase(dataDir);
    simulator = await startInvestmentPlatformSimulator({ host: '127.0.0.1', port: 0 });
    outbox = newOutbox();
  });
  afterEach(async () => {
    await outbox.stop();
    await simulator.close();
    if (dataSource.isInitialized) await dataSource.destroy();
  });

  it('records a report only when the deciding transaction commits', async () => {
    const kept = decision();
    await inTransaction(dataSource, (manager) => outbox.enqueue(manager, kept));
    await expect(
      inTransaction(dataSource, async (manager) => {
        await outbox.enqueue(manager, decision());
        throw new Error('the decision failed');
      }),
    ).rejects.toThrow('the decision failed');
    expect((await rows()).map((row) => row.applicationNumber)).toEqual([kept.applicationNumber]);
  });

  it('waits with growing, capped backoff while the platform is down, then delivers each report exactly once', async () => {
    const reports = [
      decision(),
      decision({ decision: 'REJECTED', permitNumber: null, comment: '施工图设计未经批准' }),
      decision(),
    ];
    for (const report of reports) await inTransaction(dataSource, (manager) => outbox.enqueue(manager, report));
    simulator.setSwitches({ down: true });

    expect(await outbox.drain()).toBe(0);
    const [first] = await rows();
    expect(first).toMatchObject({ state: PlatformReportState.PENDING, attempts: 1, deliveredAt: null });
    expect(first.lastError).toMatch(/^investment platform is unavailable: cannot be reached/);
    // The relay as a whole pauses after a failed pass: draining again at once tries nothing.
    await outbox.drain();
    expect((await rows()).reduce((sum, row) => sum + row.attempts, 0)).toBe(1);

    // Each further failure of a report doubles its wait, up to the cap (plus at most 20% jitter).
    const gaps = new Map<number, number>();
    const firstGap = first.nextAttemptAt!.getTime() - first.lastAttemptAt!.getTime();
    gaps.set(1, firstGap);
    let firstAttempts = 1;
    while (firstAttempts < 5) {
      await wait(MAX_BACKOFF_MS * 1.3);
      await outbox.drain();
      const [row] = await rows();
      // A pass stops at its first failure: the report is never tried twice in one pass.
      expect(row.attempts - firstAttempts).toBeLessThanOrEqual(1);
      firstAttempts = row.attempts;
      gaps.set(row.attempts, row.nextAttemptAt!.getTime() - row.lastAttemptAt!.getTime());
    }
    const within = (gap: number | undefined, backoff: number) => {
      expect(gap).toBeGreaterThanOrEqual(backoff);
      expect(gap).toBeLessThanOrEqual(backoff * 1.2 + 1);
    };
    within(gaps.get(1), FIRST_RETRY_MS);
    within(gaps.get(2), FIRST_RETRY_MS * 2);
    within(gaps.get(3), MAX_BACKOFF_MS);
    within(gaps.get(5), MAX_BACKOFF_MS);
    // Round robin: the report that failed last waits behind the others, so none starves.
    expect((await rows()).every((row) => row.attempts >= 3)).toBe(true);
    expect(simulator.state.receivedReports()).toEqual([]);

    simulator.setSwitches({ down: false });
    await drainUntilDelivered(outbox);
    for (const report of reports) {
      const received = receivedAt(report.applicationNumber);
      expect(received).toHaveLength(1);
      expect(received[0].report).toEqual(report);
      expect(received[0].deliveries).toBe(1);
    }
    const delivered = await rows();
    expect(delivered.map((row) => row.receiptNumber)).toEqual(
      reports.map((report) => receivedAt(report.applicationNumber)[0].receiptNumber),
    );
    expect(
      delivered.every((row) => row.lastError === null && row.nextAttemptAt === null && row.deliveredAt !== null),
    ).toBe(true);
    expect(delivered[0].attempts).toBe(firstAttempts + 1);
  });

  it('ignores a second enqueue for the same application: one row, the first content, delivered once', async () => {
    const report = decision();
    await inTransaction(dataSource, (manager) => outbox.enqueue(manager, report));
    await inTransaction(dataSource, (manager) => outbox.enqueue(manager, { ...report, comment: '第二次提交' }));
    expect(await rows()).toHaveLength(1);
    await drainUntilDelivered(outbox);
    await outbox.drain();
    expect(receivedAt(report.applicationNumber)).toEqual([expect.objectContaining({ report, deliveries: 1 })]);
  });

  it('keeps pending reports across a restart of the subgraph and delivers them afterwards', async () => {
    const report = decision();
    simulator.setSwitches({ down: true });
    await inTransaction(dataSource, (manager) => outbox.enqueue(manager, report));
    await outbox.drain();
    await outbox.stop();
    await dataSource.destroy();

    dataSource = await openLicensingDatabase(dataDir);
    outbox = newOutbox();
    const [pending] = await rows();
    expect(pending).toMatchObject({
      applicationNumber: report.applicationNumber,
      state: PlatformReportState.PENDING,
      attempts: 1,
    });
    simulator.setSwitches({ down: false });
    await drainUntilDelivered(outbox);
    expect(receivedAt(report.applicationNumber)).toHaveLength(1);
  });

  it('retries a report whose answer was lost; the platform still records it once', async () => {
    const report = decision();
    outbox = newOutbox(100);
    // Slower than the adapter's timeout: the platform records the report, the relay never hears back.
    simulator.setSwitches({ latencyMs: 300 });
    await inTransaction(dataSource, (manager) => outbox.enqueue(manager, report));
    await outbox.drain();
    expect((await rows())[0]).toMatchObject({
      state: PlatformReportState.PENDING,
      lastError: 'investment platform is unavailable: no answer within 100 ms',
    });
    simulator.setSwitches({ latencyMs: 0 });
    await drainUntilDelivered(outbox);
    const received = receivedAt(report.applicationNumber);
    expect(received).toHaveLength(1);
    expect(received[0].deliveries).toBe(2);
    expect((await rows())[0].receiptNumber).toBe(received[0].receiptNumber);
  });

  it('delivers on its own once started', async () => {
    outbox.start();
    const report = decision();
    await inTransaction(dataSource, (manager) => outbox.enqueue(manager, report));
    for (let round = 0; round < 200 && receivedAt(report.applicationNumber).length === 0; round += 1) await wait(20);
    expect(receivedAt(report.applicationNumber)).toHaveLength(1);
  });
});
