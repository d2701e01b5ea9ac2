import { DEMO_LISTED_BY_TAX } from '../subgraphs/credit/national-platform/demo-standing-data';
import { readState } from './harness/harness-state';
import { eventually, graphql, query, restartService, tokenFor } from './harness/single-window.client';
import { story } from './harness/story';

// The national credit information sharing platform (全国信用信息共享平台) through the gateway: credit
// pushes every published disclosure to it (at least once, idempotent, in order, nothing lost across an
// outage or a crash of credit), credit officers follow the pushes, and creditProfile shows the subject's
// standing on it without waiting longer than its deadline. The platform is the simulator the harness
// starts; its control API switches latency, errors and outages, and it shows what it received.

interface ReceivedRecord {
  recordType: string;
  recordId: string;
  versions: number[];
  deliveries: number;
  duplicates: number;
  outOfOrderRefused: number;
  latest: Record<string, unknown>;
}

interface Delivery {
  recordType: string;
  recordId: string;
  version: number;
  state: 'PENDING' | 'DELIVERED' | 'REFUSED';
  attempts: number;
  lastError: string | null;
  deliveredAt: string | null;
  receiptNumber: string | null;
  creditCode: string | null;
  documentNumber: string | null;
}

interface Standing {
  status: 'AVAILABLE' | 'CACHED' | 'UNAVAILABLE';
  retrievedAt: string | null;
  entries: Array<{ listName: string; listingAuthority: string; listedOn: string; reference: string | null }>;
}

const platformUrl = () => readState().environment.CREDIT_PLATFORM_URL;

async function switchPlatform(switches: { down?: boolean; latencyMs?: number; errorRate?: number }): Promise<void> {
  const response = await fetch(`${platformUrl()}/control`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(switches),
  });
  if (!response.ok) throw new Error(`control of the credit platform simulator answered ${response.status}`);
}

/** What the platform received for the disclosure of a decision, by its document number. */
async function receivedFor(documentNumber: string): Promise<ReceivedRecord | undefined> {
  const body = (await (await fetch(`${platformUrl()}/received-records`)).json()) as { records: ReceivedRecord[] };
  return body.records.find((record) => record.latest.documentNumber === documentNumber);
}

const DELIVERIES = `query ($state: CreditDeliveryState, $after: String) {
  nationalCreditDeliveries(state: $state, recordType: DISCLOSURE, first: 100, after: $after) {
    totalCount
    edges { node { recordType recordId version state attempts lastError deliveredAt receiptNumber creditCode documentNumber } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const SUMMARY = `{ nationalCreditDeliverySummary { pendingCount oldestPendingSince oldestPendingAgeSeconds failingCount refusedCount lastDeliveredAt } }`;
const STANDING = `query ($code: String!) { creditProfile(creditCode: $code) { creditCode rating nationalStanding { status retrievedAt entries { listName listingAuthority listedOn reference } } } }`;

describe('the national credit platform through the gateway', () => {
  let admin: string;
  let creditOfficer: string;

  /** The credit officer's view of the pushes of these decisions' disclosures. */
  async function deliveriesOf(documentNumbers: string[]): Promise<Delivery[]> {
    const found: Delivery[] = [];
    let after: string | null = null;
    for (;;) {
      const page: {
        nationalCreditDeliveries: {
          edges: Array<{ node: Delivery }>;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      } = await query(creditOfficer, DELIVERIES, { state: null, after });
      found.push(
        ...page.nationalCreditDeliveries.edges
          .map((edge) => edge.node)
          .filter((node) => documentNumbers.includes(node.documentNumber ?? '')),
      );
      if (found.length === documentNumbers.length || !page.nationalCreditDeliveries.pageInfo.hasNextPage)
        return found.sort((left, right) => (left.documentNumber ?? '').localeCompare(right.documentNumber ?? ''));
      after = page.nationalCreditDeliveries.pageInfo.endCursor;
    }
  }
  const summary = async () =>
    (
      await query<{
        nationalCreditDeliverySummary: {
          pendingCount: number;
          oldestPendingAgeSeconds: number | null;
          failingCount: number;
          lastDeliveredAt: string | null;
        };
      }>(creditOfficer, SUMMARY)
    ).nationalCreditDeliverySummary;
  const standingOf = async (creditCode: string) => {
    const result = await graphql<{ creditProfile: { nationalStanding: Standing } }>(
      STANDING,
      { code: creditCode },
      { token: creditOfficer },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.creditProfile.nationalStanding;
  };

  beforeAll(async () => {
    admin = await tokenFor('ministry-admin');
    creditOfficer = await tokenFor('js-credit-officer');
  });
  afterEach(async () => {
    await switchPlatform({ down: false, latencyMs: 0, errorRate: 0 });
  });

  it('pushes a decided penalty’s disclosure once it is published, and the credit officer sees it delivered', async () => {
    const enterprise = await story(admin).enterprise('320102', '信用平台报送测试物流有限公司');
    const caseNumber = await enterprise.withDecidedCase({ penalty: 'FINE', fineFen: 300_000 }, '超限运输');
    const received = await eventually(async () => {
      const record = await receivedFor(caseNumber);
      expect(record).toBeDefined();
      return record!;
    });
    expect(received).toMatchObject({ recordType: 'DISCLOSURE', versions: [1], duplicates: 0, outOfOrderRefused: 0 });
    expect(received.latest).toMatchObject({
      kind: 'ADMINISTRATIVE_PENALTY',
      creditCode: enterprise.creditCode,
      counterpartName: '信用平台报送测试物流有限公司',
      documentNumber: caseNumber,
      matter: '超限运输',
      fineFen: 300_000,
      authorityName: '南京市玄武区交通运输局',
      authorityCode: '320102',
    });
    const [delivery] = await eventually(async () => {
      const found = await deliveriesOf([caseNumber]);
      expect(found.map((each) => each.state)).toEqual(['DELIVERED']);
      return found;
    });
    expect(delivery).toMatchObject({
      recordId: received.recordId,
      version: 1,
      attempts: 1,
      lastError: null,
      creditCode: enterprise.creditCode,
      receiptNumber: expect.stringMatching(/^XY\d{16}$/) as unknown,
    });
    expect((await summary()).lastDeliveredAt).not.toBeNull();
  });

  it('keeps the pushes pending while the platform is down, decisions going on, and delivers every one after it', async () => {
    await switchPlatform({ down: true });
    const enterprise = await story(admin).enterprise('320102', '信用平台停机测试货运有限公司');
    // The platform being down fails no decision: enforcement decides, credit publishes, the pushes wait.
    const caseNumbers = [
      await enterprise.withDecidedCase({ penalty: 'FINE', fineFen: 200_000 }),
      await enterprise.withDecidedCase({ penalty: 'FINE', fineFen: 400_000 }),
      await enterprise.withDecidedCase({ penalty: 'FINE', fineFen: 600_000 }),
    ].sort();
    const pending = await eventually(async () => {
      const found = await deliveriesOf(caseNumbers);
      expect(found.map((each) => each.documentNumber)).toEqual(caseNumbers);
      for (const delivery of found) {
        expect(delivery.state).toBe('PENDING');
        expect(delivery.attempts).toBeGreaterThanOrEqual(1);
        expect(delivery.lastError).toMatch(/^全国信用信息共享平台暂不可用 \(national credit platform unavailable\)/);
      }
      return found;
    }, 30_000);
    expect(pending.every((delivery) => delivery.deliveredAt === null)).toBe(true);
    const during = await summary();
    expect(during.pendingCount).toBeGreaterThanOrEqual(3);
    expect(during.failingCount).toBeGreaterThanOrEqual(3);
    expect(during.oldestPendingAgeSeconds).not.toBeNull();
    for (const caseNumber of caseNumbers) expect(await receivedFor(caseNumber)).toBeUndefined();

    await switchPlatform({ down: false });
    await eventually(async () => {
      const found = await deliveriesOf(caseNumbers);
      expect(found.map((each) => each.state)).toEqual(['DELIVERED', 'DELIVERED', 'DELIVERED']);
    }, 30_000);
    for (const caseNumber of caseNumbers) {
      // Each arrived, once: nothing lost, nothing applied twice.
      expect(await receivedFor(caseNumber)).toMatchObject({ versions: [1], outOfOrderRefused: 0 });
    }
    // Everything the outage held back (other tests' pushes too) drains: none left pending, each named if one is.
    await eventually(async () => {
      const left = await query<{
        nationalCreditDeliveries: {
          edges: Array<{ node: { recordType: string; recordId: string; version: number; lastError: string | null } }>;
        };
      }>(
        await tokenFor('js-credit-officer'),
        `{ nationalCreditDeliveries(state: PENDING, first: 20) { edges { node { recordType recordId version lastError } } } }`,
      );
      expect(left.nationalCreditDeliveries.edges.map((edge) => edge.node)).toEqual([]);
      expect(await summary()).toMatchObject({ pendingCount: 0, failingCount: 0 });
    }, 30_000);
  });

  it('delivers exactly once when credit is killed between sending a push and hearing the answer', async () => {
    // The platform handles a push at once but answers only after 5 s; credit waits 2 s at most.
    await switchPlatform({ latencyMs: 5000 });
    const enterprise = await story(admin).enterprise('320102', '信用平台中断测试运输有限公司');
    const caseNumber = await enterprise.withDecidedCase({ penalty: 'FINE', fineFen: 250_000 });
    for (let tries = 0; !(await receivedFor(caseNumber)); tries += 1) {
      if (tries > 600) throw new Error('the push never reached the platform');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // The platform has the push; credit has not heard back: kill it there.
    process.kill(readState().services.credit.pid, 'SIGKILL');
    await switchPlatform({ latencyMs: 0 });
    await restartService('credit');

    // Restarted credit takes the push over once the dead process's lease runs out, and sends it again.
    const [delivery] = await eventually(async () => {
      const found = await deliveriesOf([caseNumber]);
      expect(found.map((each) => each.state)).toEqual(['DELIVERED']);
      return found;
    }, 45_000);
    const received = await receivedFor(caseNumber);
    expect(received).toMatchObject({ versions: [1], outOfOrderRefused: 0 });
    expect(received!.duplicates).toBeGreaterThanOrEqual(1);
    expect(delivery.receiptNumber).toMatch(/^XY\d{16}$/);
  });

  it('answers creditProfile within its deadline while the platform is slow, from the cache or as unavailable', async () => {
    const listed = await eventually(async () => {
      const standing = await standingOf(DEMO_LISTED_BY_TAX);
      expect(standing.status).toBe('AVAILABLE');
      return standing;
    });
    expect(listed.entries).toEqual([
      {
        listName: '重大税收违法失信主体',
        listingAuthority: '国家税务总局',
        listedOn: '2025-04-02',
        reference: '杭税稽罚〔2025〕56号',
      },
    ]);
    expect(listed.retrievedAt).not.toBeNull();

    // An enterprise the platform lists nowhere, which credit knows from the registry (an unknown credit code
    // is NOT_FOUND); asked without its standing, so nothing is fetched or cached yet.
    const unknown = (await story(admin).enterprise('320102', '信用平台未登记测试运输有限公司')).creditCode;
    await eventually(async () => {
      const known = await graphql(
        `
          query ($code: String!) {
            creditProfile(creditCode: $code) {
              creditCode
            }
          }
        `,
        {
          code: unknown,
        },
        { token: creditOfficer },
      );
      expect(known.errors).toBeUndefined();
    });
    // Slower than the 800 ms deadline, faster than the adapter's 2 s timeout: the platform would answer.
    await switchPlatform({ latencyMs: 1500 });
    expect(await standingOf(unknown)).toEqual({ status: 'UNAVAILABLE', retrievedAt: null, entries: [] });
    // The request went on in the background and filled the cache.
    await eventually(async () => {
      const later = await standingOf(unknown);
      expect(later.status).not.toBe('UNAVAILABLE');
      expect(later.retrievedAt).not.toBeNull();
      expect(later.entries).toEqual([]);
    });
    // Past its time to live (3 s here), the listed subject's older answer is served as CACHED.
    const cached = await eventually(async () => {
      const standing = await standingOf(DEMO_LISTED_BY_TAX);
      expect(standing.status).toBe('CACHED');
      return standing;
    });
    expect(cached.entries).toEqual(listed.entries);
    expect(Date.parse(cached.retrievedAt!)).toBeGreaterThanOrEqual(Date.parse(listed.retrievedAt!));
  });
});
