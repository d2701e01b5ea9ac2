import { readState } from './harness/harness-state';
import { eventually, query, restartService, tokenFor } from './harness/single-window.client';
import { story } from './harness/story';

// The national safety supervision platform (国家安全生产监管平台) through the gateway: safety reports a
// cross-province waybill's departure and arrival to it (at least once, idempotent, in order, nothing lost
// across an outage or a crash of safety), and safety officers follow the reports of their regions. The
// platform is the simulator the harness starts; its control API switches latency, errors and outages,
// and it lists what it received.

interface ReceivedReport {
  reportType: string;
  reportId: string;
  regionCode: string;
  versions: number[];
  receipts: string[];
  deliveries: number;
  duplicates: number;
  outOfOrderRefused: number;
  refused: number;
  latest: Record<string, unknown>;
}

interface Delivery {
  reportType: string;
  reportId: string;
  version: number;
  regionCode: string;
  state: 'PENDING' | 'DELIVERED' | 'REFUSED';
  attempts: number;
  lastError: string | null;
  deliveredAt: string | null;
  receiptNumber: string | null;
}

const platformUrl = () => readState().environment.SAFETY_PLATFORM_URL;

async function switchPlatform(switches: { down?: boolean; latencyMs?: number; errorRate?: number }): Promise<void> {
  const response = await fetch(`${platformUrl()}/control`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(switches),
  });
  if (!response.ok) throw new Error(`control of the safety platform simulator answered ${response.status}`);
}

async function receivedFor(waybillNumber: string): Promise<ReceivedReport | undefined> {
  const body = (await (await fetch(`${platformUrl()}/received-reports`)).json()) as { reports: ReceivedReport[] };
  return body.reports.find(
    (report) => report.reportType === 'CROSS_PROVINCE_WAYBILL' && report.reportId === waybillNumber,
  );
}

const DELIVERIES = `query ($after: String) {
  nationalSafetyDeliveries(reportType: CROSS_PROVINCE_WAYBILL, first: 100, after: $after) {
    totalCount
    edges { node { reportType reportId version regionCode state attempts lastError deliveredAt receiptNumber } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const SUMMARY = `{ nationalSafetyDeliverySummary { pendingCount deliveredCount refusedCount failingCount oldestPendingAgeSeconds lastDeliveredAt } }`;
const DEPART = `mutation ($input: WaybillActionInput!) { departWaybill(input: $input) { waybill { status } } }`;
const ARRIVE = `mutation ($input: WaybillActionInput!) { arriveWaybill(input: $input) { waybill { status } } }`;

describe('the national safety platform through the gateway', () => {
  let admin: string;
  let safetyOfficer: string;

  /** The Jiangsu safety officer's view of the reports of these waybills, by number and version. */
  async function deliveriesOf(token: string, waybillNumbers: string[]): Promise<Delivery[]> {
    const found: Delivery[] = [];
    let after: string | null = null;
    for (;;) {
      const page: {
        nationalSafetyDeliveries: {
          edges: Array<{ node: Delivery }>;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      } = await query(token, DELIVERIES, { after });
      found.push(
        ...page.nationalSafetyDeliveries.edges
          .map((edge) => edge.node)
          .filter((node) => waybillNumbers.includes(node.reportId)),
      );
      if (!page.nationalSafetyDeliveries.pageInfo.hasNextPage)
        return found.sort((left, right) =>
          `${left.reportId}:${left.version}`.localeCompare(`${right.reportId}:${right.version}`),
        );
      after = page.nationalSafetyDeliveries.pageInfo.endCursor;
    }
  }
  const summary = async () =>
    (
      await query<{
        nationalSafetyDeliverySummary: {
          pendingCount: number;
          failingCount: number;
          oldestPendingAgeSeconds: number | null;
        };
      }>(safetyOfficer, SUMMARY)
    ).nationalSafetyDeliverySummary;
  /** Cross-province waybills (Nanjing → Hangzhou) of a new hazardous-goods carrier, created by the admin. */
  const waybills = async (count: number, name: string) => {
    const carrier = await story(admin).enterprise('320102', name);
    return carrier.withWaybills(count, await carrier.hazardousGoodsCarrier());
  };

  beforeAll(async () => {
    admin = await tokenFor('ministry-admin');
    safetyOfficer = await tokenFor('js-safety-officer');
  });
  afterEach(async () => {
    await switchPlatform({ down: false, latencyMs: 0, errorRate: 0 });
  });

  it('reports a cross-province waybill when it departs and arrives, with receipts the officer sees', async () => {
    const [waybillNumber] = await waybills(1, '安全平台报送测试运输有限公司');
    await query(safetyOfficer, DEPART, { input: { waybillNumber } });
    const departed = await eventually(async () => {
      const [delivery] = await deliveriesOf(safetyOfficer, [waybillNumber]);
      expect(delivery).toMatchObject({ version: 1, state: 'DELIVERED', regionCode: '320102', lastError: null });
      return delivery;
    }, 20_000);
    expect(departed.receiptNumber).toMatch(/^AQ\d{16}$/);
    const received = await receivedFor(waybillNumber);
    expect(received).toMatchObject({ versions: [1], receipts: [departed.receiptNumber], regionCode: '320102' });
    expect(received!.latest).toMatchObject({ waybillNumber, status: 'IN_TRANSIT', destinationRegionCode: '330106' });
    expect(JSON.stringify(received!.latest)).not.toMatch(/测试化工有限公司|汽油/);

    await query(safetyOfficer, ARRIVE, { input: { waybillNumber } });
    await eventually(async () => {
      expect(
        (await deliveriesOf(safetyOfficer, [waybillNumber])).map((each) => `${each.version}:${each.state}`),
      ).toEqual(['1:DELIVERED', '2:DELIVERED']);
    }, 20_000);
    expect(await receivedFor(waybillNumber)).toMatchObject({ versions: [1, 2], duplicates: 0, outOfOrderRefused: 0 });
  });

  it('keeps reports pending with the error while the platform is down, and delivers every one after it', async () => {
    await switchPlatform({ down: true });
    const numbers = await waybills(3, '安全平台中断测试运输有限公司');
    for (const waybillNumber of numbers) await query(safetyOfficer, DEPART, { input: { waybillNumber } });
    await eventually(async () => {
      const pending = await deliveriesOf(safetyOfficer, numbers);
      expect(pending).toHaveLength(3);
      expect(pending.every((each) => each.state === 'PENDING')).toBe(true);
      expect(pending.some((each) => (each.lastError ?? '').startsWith('国家安全生产监管平台暂不可用'))).toBe(true);
    }, 20_000);
    const waiting = await summary();
    expect(waiting.pendingCount).toBeGreaterThanOrEqual(3);
    expect(waiting.failingCount).toBeGreaterThanOrEqual(1);
    expect(waiting.oldestPendingAgeSeconds).not.toBeNull();
    // Arrivals during the outage queue behind their departures.
    await query(safetyOfficer, ARRIVE, { input: { waybillNumber: numbers[0] } });
    for (const waybillNumber of numbers) expect(await receivedFor(waybillNumber)).toBeUndefined();

    await switchPlatform({ down: false });
    await eventually(async () => {
      const delivered = await deliveriesOf(safetyOfficer, numbers);
      expect(delivered.map((each) => `${each.version}:${each.state}`)).toEqual([
        '1:DELIVERED',
        '2:DELIVERED',
        '1:DELIVERED',
        '1:DELIVERED',
      ]);
    }, 30_000);
    expect(await receivedFor(numbers[0])).toMatchObject({ versions: [1, 2], outOfOrderRefused: 0 });
    for (const waybillNumber of numbers.slice(1))
      expect(await receivedFor(waybillNumber)).toMatchObject({ versions: [1], duplicates: 0 });
  });

  it('delivers once as far as the platform counts when safety is killed between sending and hearing the answer', async () => {
    // The platform handles a report at once but answers only after 5 s; safety waits 2 s at most.
    await switchPlatform({ latencyMs: 5000 });
    const [waybillNumber] = await waybills(1, '安全平台崩溃测试运输有限公司');
    await query(safetyOfficer, DEPART, { input: { waybillNumber } });
    for (let tries = 0; !(await receivedFor(waybillNumber)); tries += 1) {
      if (tries > 600) throw new Error('the report never reached the platform');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // The platform has the report; safety has not heard back: kill it there.
    process.kill(readState().services.safety.pid, 'SIGKILL');
    await switchPlatform({ latencyMs: 0 });
    await restartService('safety');

    // Restarted safety takes the report over once the dead process's lease runs out, and sends it again.
    const [delivery] = await eventually(async () => {
      const found = await deliveriesOf(safetyOfficer, [waybillNumber]);
      expect(found.map((each) => each.state)).toEqual(['DELIVERED']);
      return found;
    }, 45_000);
    const received = await receivedFor(waybillNumber);
    expect(received).toMatchObject({ versions: [1], outOfOrderRefused: 0, refused: 0 });
    expect(received!.duplicates).toBeGreaterThanOrEqual(1);
    // The receipt kept is the platform's first one: delivered once, as far as it counts.
    expect(delivery.receiptNumber).toBe(received!.receipts[0]);
  });
});
