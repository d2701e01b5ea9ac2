import { createLogger } from '../../../platform/observability/logger';
import { testbedPerTest, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { creditSubgraph } from '../credit.subgraph';
import type { CreditChange } from './credit-change';
import { CreditDeliveryRelay } from './credit-delivery.relay';
import { CreditDeliveryState, CreditPlatformDelivery } from './credit-platform-delivery.entity';
import {
  CreditPlatformUnavailable,
  type NationalCreditPlatform,
  type PushedChange,
  type PushOutcome,
} from './national-credit-platform';

const QUIET = createLogger('credit-relay-spec', 'error');
const TIMEOUT_MS = 2000;
/** The relay's lease: three request timeouts, at least 10 s. */
const LEASE_MS = 10_000;

/** A platform as the contract describes it: versions applied once and in order, arrivals logged. */
class PlatformDouble implements Pick<NationalCreditPlatform, 'push'> {
  readonly applied = new Map<string, PushedChange[]>();
  readonly arrivals: string[] = [];
  duplicates = 0;
  outOfOrder = 0;
  failing = false;
  refuse = new Set<string>();
  /** Runs after the platform handled a push and before it answers (a slow answer, a relay dying). */
  beforeAnswer: (change: PushedChange) => Promise<void> = () =>
    new Promise((resolve) => setTimeout(resolve, Math.random() * 5));

  async push(change: PushedChange): Promise<PushOutcome> {
    if (this.failing) throw new CreditPlatformUnavailable('cannot be reached (ECONNREFUSED)');
    const key = `${change.recordType}:${change.recordId}`;
    this.arrivals.push(`${key}:${change.version}`);
    const applied = this.applied.get(key) ?? [];
    this.applied.set(key, applied);
    let outcome: PushOutcome;
    if (this.refuse.has(key)) outcome = { outcome: 'REFUSED', reason: 'HTTP 422: payload.creditCode is not valid' };
    else if (applied.some((each) => each.version === change.version)) {
      this.duplicates += 1;
      outcome = { outcome: 'DUPLICATE', receiptNumber: `R-${key}-${change.version}` };
    } else if (change.version !== applied.length + 1) {
      this.outOfOrder += 1;
      outcome = { outcome: 'OUT_OF_ORDER', expectedVersion: applied.length + 1 };
    } else {
      applied.push(change);
      outcome = { outcome: 'ACCEPTED', receiptNumber: `R-${key}-${change.version}` };
    }
    await this.beforeAnswer(change);
    return outcome;
  }

  versions(recordId: string): number[] {
    return (this.applied.get(`DISCLOSURE:${recordId}`) ?? []).map((change) => change.version);
  }
}

const disclosure = (recordId: string, version: number): CreditChange => ({
  recordType: 'DISCLOSURE',
  recordId,
  version,
  payload: { creditCode: '91320102MA1MY0R10Q', documentNumber: `DOC-${recordId}`, version },
});

describe('the push outbox to the national credit platform', () => {
  let testbed: TestbedOf<typeof creditSubgraph>;
  let now: Date;
  let platform: PlatformDouble;
  testbedPerTest(
    creditSubgraph,
    (opened) => {
      testbed = opened;
    },
    // The services' own relay is never started here; the specs run relays of their own over the testbed's database.
    () => ({
      externals: {
        clock: () => now,
        nationalPlatform: {
          push: (change) => platform.push(change),
          standingOf: () => Promise.reject(new Error('unused')),
        },
      },
    }),
  );
  beforeEach(() => {
    now = new Date('2026-12-03T08:00:00Z');
    platform = new PlatformDouble();
  });

  const relay = (owner: string, target: Pick<NationalCreditPlatform, 'push'> = platform, concurrency = 4) =>
    new CreditDeliveryRelay(
      testbed.dataSource,
      target,
      { pollIntervalMs: 60_000, maxBackoffMs: 60_000, concurrency, requestTimeoutMs: TIMEOUT_MS, owner },
      QUIET,
      () => now,
    );
  const record = (...changes: CreditChange[]) =>
    testbed.dataSource.transaction(async (manager) => {
      for (const change of changes) await testbed.services.nationalPlatform.changes.record(manager, change);
    });
  const rows = () =>
    testbed.dataSource.getRepository(CreditPlatformDelivery).find({ order: { recordId: 'ASC', version: 'ASC' } });
  const states = async () => (await rows()).map((row) => `${row.recordId}:${row.version}:${row.state}`);
  const later = (milliseconds: number) => {
    now = new Date(now.getTime() + milliseconds);
  };

  it('records a change in the caller’s transaction, each version once', async () => {
    await record(disclosure('1', 1), disclosure('1', 1), disclosure('1', 2));
    await record(disclosure('1', 2));
    await expect(
      testbed.dataSource.transaction(async (manager) => {
        await testbed.services.nationalPlatform.changes.record(manager, disclosure('2', 1));
        throw new Error('the publication failed');
      }),
    ).rejects.toThrow('the publication failed');
    await expect(record({ ...disclosure('3', 1), version: 0 })).rejects.toThrow(/version must be a whole number/);
    expect(await states()).toEqual(['1:1:PENDING', '1:2:PENDING']);
  });

  it('sends several records at once, but each record’s versions in order, every one once', async () => {
    for (const recordId of ['11', '12', '13', '14', '15']) {
      await record(disclosure(recordId, 1));
      await record(disclosure(recordId, 2), disclosure(recordId, 3));
    }
    expect(await relay('relay-a').drain()).toBe(15);
    for (const recordId of ['11', '12', '13', '14', '15']) expect(platform.versions(recordId)).toEqual([1, 2, 3]);
    expect(platform.arrivals).toHaveLength(15);
    expect(platform.outOfOrder).toBe(0);
    const delivered = await rows();
    expect(delivered.every((row) => row.state === CreditDeliveryState.DELIVERED && row.attempts === 1)).toBe(true);
    expect(delivered[0]).toMatchObject({ receiptNumber: 'R-DISCLOSURE:11-1', lastError: null, leaseOwner: null });
  });

  it('keeps changes pending through an outage with a growing backoff, then delivers every one in order', async () => {
    await record(disclosure('21', 1), disclosure('22', 1));
    await record(disclosure('21', 2));
    platform.failing = true;
    const outbox = relay('relay-a');
    expect(await outbox.drain()).toBe(0);
    const [first] = await rows();
    expect(first).toMatchObject({ state: 'PENDING', attempts: 1 });
    expect(first.lastError).toMatch(/ECONNREFUSED/);
    const firstWait = first.nextAttemptAt!.getTime() - now.getTime();
    expect(firstWait).toBeGreaterThanOrEqual(500);
    // Paused: nothing is tried before the relay's own backoff has passed.
    expect(await outbox.drain()).toBe(0);
    expect((await rows())[0].attempts).toBe(1);
    later(1_000);
    // Then one probe, which fails again and waits longer.
    expect(await outbox.drain()).toBe(0);
    const probed = (await rows()).filter((row) => row.attempts === 2);
    expect(probed).toHaveLength(1);
    expect(probed[0].nextAttemptAt!.getTime() - now.getTime()).toBeGreaterThan(firstWait);
    expect(await testbed.services.nationalPlatform.deliveries.summary()).toMatchObject({
      pendingCount: 3,
      failingCount: 2,
      oldestPendingAgeSeconds: 1,
      lastDeliveredAt: null,
    });

    platform.failing = false;
    later(60_000);
    expect(await outbox.drain()).toBe(3);
    expect(platform.versions('21')).toEqual([1, 2]);
    expect(platform.versions('22')).toEqual([1]);
    expect(await states()).toEqual(['21:1:DELIVERED', '21:2:DELIVERED', '22:1:DELIVERED']);
    expect(await testbed.services.nationalPlatform.deliveries.summary()).toMatchObject({
      pendingCount: 0,
      failingCount: 0,
      lastDeliveredAt: now,
    });
  });

  it('stops at a version the platform refuses: it waits for an officer, the record’s later versions wait, others go on', async () => {
    await record(disclosure('31', 1), disclosure('31', 2), disclosure('32', 1));
    platform.refuse.add('DISCLOSURE:31');
    expect(await relay('relay-a').drain()).toBe(1);
    expect(await states()).toEqual(['31:1:REFUSED', '31:2:PENDING', '32:1:DELIVERED']);
    expect(platform.arrivals).toEqual(expect.not.arrayContaining(['DISCLOSURE:31:2']));
    expect((await rows())[0].lastError).toMatch(/^平台拒收 \(refused by the platform\): HTTP 422/);
    expect(await testbed.services.nationalPlatform.deliveries.summary()).toMatchObject({
      pendingCount: 1,
      refusedCount: 1,
      failingCount: 1,
    });
  });

  it('sends again the versions a platform lost, in order, when it answers out of order', async () => {
    await record(disclosure('41', 1));
    await relay('relay-a').drain();
    platform.applied.clear();
    await record(disclosure('41', 2));
    const outbox = relay('relay-a');
    // Version 2 is answered "version 1 first": version 1 goes again at once, version 2 after its backoff.
    await outbox.drain();
    expect(await states()).toEqual(['41:1:DELIVERED', '41:2:PENDING']);
    expect(platform.versions('41')).toEqual([1]);
    later(60_000);
    await outbox.drain();
    expect(platform.versions('41')).toEqual([1, 2]);
    expect(await states()).toEqual(['41:1:DELIVERED', '41:2:DELIVERED']);
  });

  it('with two relays on one database, one dying between send and acknowledgement, delivers everything exactly once', async () => {
    await record(disclosure('51', 1), disclosure('52', 1), disclosure('53', 1));
    await record(disclosure('51', 2));
    // Relay A sends, the platform applies, and A never hears back (its process dies).
    let answerA: () => void = () => undefined;
    const heldAnswer = new Promise<void>((resolve) => (answerA = resolve));
    const dying: Pick<NationalCreditPlatform, 'push'> = {
      push: async (change) => {
        const outcome = await platform.push(change);
        await heldAnswer;
        return outcome;
      },
    };
    const passOfA = relay('relay-a', dying).drain();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(platform.arrivals.sort()).toEqual(['DISCLOSURE:51:1', 'DISCLOSURE:52:1', 'DISCLOSURE:53:1']);

    // Relay B leaves A's leased rows alone while the lease lasts ...
    const relayB = relay('relay-b');
    expect(await relayB.drain()).toBe(0);
    expect(platform.arrivals).toHaveLength(3);
    // ... then takes them over: the platform answers the repeats as duplicates, and 51 goes on to version 2.
    later(LEASE_MS + 1);
    expect(await relayB.drain()).toBe(4);
    expect(platform.duplicates).toBe(3);
    expect(platform.versions('51')).toEqual([1, 2]);
    expect(platform.versions('52')).toEqual([1]);
    expect(platform.versions('53')).toEqual([1]);

    // A's late acknowledgement finds its lease gone and changes nothing.
    answerA();
    await passOfA;
    expect(await states()).toEqual(['51:1:DELIVERED', '51:2:DELIVERED', '52:1:DELIVERED', '53:1:DELIVERED']);
    expect((await rows()).map((row) => row.attempts)).toEqual([1, 1, 1, 1]);
  });

  it('never sends a row whose lease would run out before the platform could answer', async () => {
    await record(disclosure('61', 1), disclosure('62', 1));
    // The platform answers so slowly that the relay's clock nearly reaches the lease during the first push.
    const leaseLeftAtSend: number[] = [];
    platform.beforeAnswer = async (change) => {
      const row = await testbed.dataSource
        .getRepository(CreditPlatformDelivery)
        .findOneByOrFail({ recordId: change.recordId, version: change.version });
      leaseLeftAtSend.push(row.leaseUntil!.getTime() - now.getTime());
      later(LEASE_MS - TIMEOUT_MS);
    };
    expect(await relay('relay-a', platform, 1).drain()).toBe(2);
    // 62 was claimed with 61, left unsent when its lease ran short, and sent under a lease of its own.
    expect(leaseLeftAtSend).toEqual([LEASE_MS, LEASE_MS]);
    expect(await states()).toEqual(['61:1:DELIVERED', '62:1:DELIVERED']);
    expect((await rows()).map((row) => row.attempts)).toEqual([1, 1]);
  });
});
