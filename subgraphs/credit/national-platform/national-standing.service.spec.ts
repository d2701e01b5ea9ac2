import { createLogger } from '../../../platform/observability/logger';
import { wholeSeconds } from '../../../platform/time/whole-seconds';
import { testbedPerTest, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { creditSubgraph } from '../credit.subgraph';
import { CreditPlatformUnavailable, type PlatformStanding } from './national-credit-platform';
import { NationalStandingCache } from './national-standing.entity';
import { NationalStandingService } from './national-standing.service';

const LISTED = '91320583MA1NQ2W40E';
const CLEAN = '91320102MA1MY0R10Q';
const COURT_LISTING = {
  listName: '失信被执行人',
  listingAuthority: '最高人民法院',
  listedOn: '2025-06-18',
  reference: '(2025)苏0583执1234号',
};
const TTL_MS = 60_000;
const DEADLINE_MS = 50;

/** A platform whose answers the spec releases when it wants: slower than any deadline until then. */
class HeldPlatform {
  calls: string[] = [];
  failing = false;
  private releases: Array<() => void> = [];

  standingOf(creditCode: string): Promise<PlatformStanding> {
    this.calls.push(creditCode);
    if (this.failing) return Promise.reject(new CreditPlatformUnavailable('answered HTTP 503'));
    return new Promise((resolve) => {
      this.releases.push(() =>
        resolve({ creditCode, asOf: '2026-12-03T08:00:00Z', entries: creditCode === LISTED ? [COURT_LISTING] : [] }),
      );
    });
  }

  answer(): void {
    for (const release of this.releases.splice(0)) release();
  }
}

describe('a subject’s standing on the national credit platform', () => {
  let testbed: TestbedOf<typeof creditSubgraph>;
  let now: Date;
  let platform: HeldPlatform;
  let standings: NationalStandingService;
  testbedPerTest(creditSubgraph, (opened) => {
    testbed = opened;
    standings = new NationalStandingService(
      testbed.dataSource,
      // The platform of the running test (the testbed opens before this file's beforeEach runs).
      { standingOf: (creditCode) => platform.standingOf(creditCode) },
      { ttlMs: TTL_MS, deadlineMs: DEADLINE_MS },
      createLogger('standing-spec', 'error'),
      () => now,
    );
  });
  beforeEach(() => {
    now = new Date('2026-12-03T08:00:00Z');
    platform = new HeldPlatform();
  });

  const cached = () => testbed.dataSource.getRepository(NationalStandingCache).findOneBy({ creditCode: LISTED });
  async function untilCached(retrievedAt: Date): Promise<void> {
    for (let tries = 0; tries < 100; tries += 1) {
      if ((await cached())?.retrievedAt.getTime() === retrievedAt.getTime()) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('the background request never filled the cache');
  }

  it('answers UNAVAILABLE at the deadline when the platform is slow, and the late answer fills the cache', async () => {
    expect(await standings.standingsOf([LISTED, CLEAN])).toEqual([
      { status: 'UNAVAILABLE', retrievedAt: null, entries: [] },
      { status: 'UNAVAILABLE', retrievedAt: null, entries: [] },
    ]);
    // A second query while the first request is still out asks nothing more of the platform.
    await standings.standingsOf([LISTED]);
    expect(platform.calls).toEqual([LISTED, CLEAN]);

    platform.answer();
    await untilCached(now);
    later(TTL_MS - 1);
    expect(await standings.standingsOf([LISTED])).toEqual([
      { status: 'AVAILABLE', retrievedAt: new Date('2026-12-03T08:00:00Z'), entries: [COURT_LISTING] },
    ]);
    expect(platform.calls).toHaveLength(2);
  });

  it('answers AVAILABLE when the platform answers within the deadline', async () => {
    const answering = standings.standingsOf([LISTED]);
    platform.answer();
    // The answer may be released before or after the request is made: answer again once it is made.
    setTimeout(() => platform.answer(), 5);
    expect(await answering).toEqual([{ status: 'AVAILABLE', retrievedAt: now, entries: [COURT_LISTING] }]);
  });

  it('answers the older cached standing as CACHED once it is past its time to live and the platform is slow or failing', async () => {
    const first = standings.standingsOf([LISTED]);
    setTimeout(() => platform.answer(), 5);
    await first;
    const retrievedAt = now;
    later(TTL_MS + 1);
    expect(await standings.standingsOf([LISTED])).toEqual([
      { status: 'CACHED', retrievedAt, entries: [COURT_LISTING] },
    ]);
    platform.answer();
    await untilCached(wholeSeconds(now));

    later(TTL_MS + 1);
    platform.failing = true;
    expect(await standings.standingsOf([LISTED])).toMatchObject([{ status: 'CACHED', entries: [COURT_LISTING] }]);
  });

  it('reads the cache for every subject of a request in one statement', async () => {
    const first = standings.standingsOf([LISTED, CLEAN]);
    setTimeout(() => platform.answer(), 5);
    await first;
    for (let tries = 0; (await testbed.dataSource.getRepository(NationalStandingCache).count()) < 2; tries += 1) {
      if (tries > 100) throw new Error('the standings were never cached');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const before = testbed.statements();
    expect((await standings.standingsOf([LISTED, CLEAN])).map((standing) => standing.status)).toEqual([
      'AVAILABLE',
      'AVAILABLE',
    ]);
    expect(testbed.statements() - before).toBe(1);
    expect(platform.calls).toEqual([LISTED, CLEAN]);
  });

  function later(milliseconds: number): void {
    now = new Date(now.getTime() + milliseconds);
  }
});
