import type { SubgraphName } from '../../../platform/config/config';
import type { EventEnvelope } from '../../../platform/outbox/domain-event';
import type { EventHistorySource, HistoryPage } from '../../../platform/outbox/event-history';
import { openSubgraphTestbed, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { EventCountingService } from '../counting/event-counting.service';
import { IndicatorCount } from '../indicator/indicator-count.entity';
import { events, HANGZHOU_CARRIER } from '../statistics.fixture';
import { statisticsSubgraph } from '../statistics.subgraph';
import { EventIdSet } from './event-id-set';
import { IndicatorCountRebuilt } from './indicator-count-rebuilt.entity';
import { reconcileCounts } from './indicator-reconcile';
import { IndicatorReplay } from './indicator-replay';
import { createLogger } from '../../../platform/observability/logger';

/** A department's history as its endpoint serves it: keyset pages in id order. */
class HistoryOf implements EventHistorySource {
  requests = 0;
  constructor(
    readonly name: string,
    private readonly envelopes: ReadonlyArray<EventEnvelope | { envelope: EventEnvelope; delivered: false }>,
  ) {}

  page(subscriber: SubgraphName, after: number, limit: number): Promise<HistoryPage> {
    expect(subscriber).toBe('statistics');
    this.requests += 1;
    const rows = this.envelopes
      .map((entry, index) =>
        'delivered' in entry ? { ...entry, id: index + 1 } : { envelope: entry, delivered: true, id: index + 1 },
      )
      .filter((row) => row.id > after)
      .slice(0, limit);
    return Promise.resolve({ events: rows, next: rows.length === limit ? rows[rows.length - 1].id : null });
  }
}

describe('rebuilding the counts from the event histories (statistics:replay) and reconciling them', () => {
  let database: TestbedOf<typeof statisticsSubgraph>;
  let replay: IndicatorReplay;

  const rowsOf = async (indicator: string, regionCode = '000000') =>
    (
      await database.dataSource
        .getRepository(IndicatorCountRebuilt)
        .find({ where: { indicator, regionCode }, order: { month: 'ASC', dimension: 'ASC' } })
    ).map((row) => [row.month, row.dimension, row.value]);

  beforeEach(async () => {
    database = await openSubgraphTestbed(statisticsSubgraph);
    const quiet = createLogger('spec', 'error');
    replay = new IndicatorReplay(database.dataSource, new EventCountingService(quiet), quiet);
  });
  afterEach(async () => {
    await database.close();
  });

  it('gives exactly the live figures, in pages and chunks, so reconcile reports no difference', async () => {
    const licensing = [
      events.permitIssued('320102', '2026-01-05T02:00:00.000Z'),
      events.permitIssued('320583', '2026-02-05T02:00:00.000Z'),
      events.permitIssued('330106', '2026-02-06T02:00:00.000Z', HANGZHOU_CARRIER),
    ];
    const enforcement = [
      events.caseFiled('320102', '2026-03-01T02:00:00.000Z'),
      events.caseDecided('320102', '2026-03-10T02:00:00.000Z', 200_000),
      events.caseDecided('330106', '2026-04-10T02:00:00.000Z', null, HANGZHOU_CARRIER),
      // Not countable: acknowledged live uncounted, and left out of the rebuild alike.
      events.caseDecided('32010', '2026-03-10T02:00:00.000Z', 100),
    ];
    for (const envelope of [...licensing, ...enforcement]) await database.deliver(envelope);
    const summary = await replay.rebuild(
      [new HistoryOf('licensing', licensing), new HistoryOf('enforcement', enforcement)],
      {
        pageSize: 2,
        flushRows: 3,
      },
    );
    expect(summary).toMatchObject({
      sources: { licensing: 3, enforcement: 4 },
      events: 7,
      counted: 6,
      uncounted: 1,
      duplicates: 0,
      pending: 0,
    });
    expect(summary.rows).toBe(await database.dataSource.getRepository(IndicatorCount).count());
    expect(await reconcileCounts(database.dataSource)).toEqual({ total: 0, differences: [] });
  });

  it('counts an envelope delivered twice once, live and rebuilt', async () => {
    const decided = events.caseDecided('320102', '2026-03-10T02:00:00.000Z', 200_000);
    expect(await database.deliver(decided)).toBe('applied');
    expect(await database.deliver(decided)).toBe('duplicate');
    // Redelivered, and published again by a second source: still one decision.
    const summary = await replay.rebuild([
      new HistoryOf('enforcement', [decided, decided]),
      new HistoryOf('enforcement-again', [decided]),
    ]);
    expect(summary).toMatchObject({ events: 3, counted: 1, duplicates: 2 });
    expect(await rowsOf('CASES_DECIDED')).toEqual([['2026-03', '', 1]]);
    expect(await rowsOf('FINES_FEN')).toEqual([['2026-03', '', 200_000]]);
    expect(await reconcileCounts(database.dataSource)).toEqual({ total: 0, differences: [] });
  });

  it('counts an event arriving late in its own month: a March decision delivered after May', async () => {
    const may = events.caseDecided('320102', '2026-05-12T02:00:00.000Z', 100_000);
    const lateMarch = events.caseDecided('320102', '2026-03-31T15:59:00.000Z', 300_000);
    await database.deliver(may);
    await database.deliver(lateMarch);
    await replay.rebuild([new HistoryOf('enforcement', [may, lateMarch])]);
    // 15:59 UTC on 31 March is still March in China Standard Time.
    expect(await rowsOf('FINES_FEN')).toEqual([
      ['2026-03', '', 300_000],
      ['2026-05', '', 100_000],
    ]);
    expect(await reconcileCounts(database.dataSource)).toEqual({ total: 0, differences: [] });
  });

  it('reports a tampered live count, a live row the events do not give and one missing, and --apply repairs them', async () => {
    const history = [
      events.permitIssued('320102', '2026-01-05T02:00:00.000Z'),
      events.permitIssued('320102', '2026-01-06T02:00:00.000Z'),
    ];
    for (const envelope of history) await database.deliver(envelope);
    await database.dataSource.query(
      "UPDATE indicator_count SET value = 7 WHERE indicator = 'PERMITS_ISSUED' AND region_code = '320000'",
    );
    await database.dataSource.query(
      "INSERT INTO indicator_count (indicator, region_code, month, dimension, value) VALUES ('CASES_OPENED', '110000', '2026-01', '', 3)",
    );
    await database.dataSource.query("DELETE FROM indicator_count WHERE region_code = '320100'");
    await replay.rebuild([new HistoryOf('licensing', history)]);
    expect(await reconcileCounts(database.dataSource)).toEqual({
      total: 3,
      differences: [
        { indicator: 'CASES_OPENED', regionCode: '110000', month: '2026-01', dimension: '', live: 3, rebuilt: 0 },
        {
          indicator: 'PERMITS_ISSUED',
          regionCode: '320000',
          month: '2026-01',
          dimension: 'ROAD_FREIGHT_TRANSPORT',
          live: 7,
          rebuilt: 2,
        },
        {
          indicator: 'PERMITS_ISSUED',
          regionCode: '320100',
          month: '2026-01',
          dimension: 'ROAD_FREIGHT_TRANSPORT',
          live: 0,
          rebuilt: 2,
        },
      ],
    });
    expect((await reconcileCounts(database.dataSource, 1)).differences).toHaveLength(1);
    await replay.apply();
    expect(await reconcileCounts(database.dataSource)).toEqual({ total: 0, differences: [] });
  });

  it('leaves out events statistics has not acknowledged yet, unless asked', async () => {
    const delivered = events.caseFiled('320102', '2026-03-01T02:00:00.000Z');
    const pending = events.caseFiled('320102', '2026-03-02T02:00:00.000Z');
    await database.deliver(delivered);
    const history = () => new HistoryOf('enforcement', [delivered, { envelope: pending, delivered: false }]);
    expect(await replay.rebuild([history()])).toMatchObject({ counted: 1, pending: 1 });
    expect(await rowsOf('CASES_OPENED')).toEqual([['2026-03', '', 1]]);
    expect(await replay.rebuild([history()], { includePending: true })).toMatchObject({ counted: 2, pending: 0 });
    expect(await rowsOf('CASES_OPENED')).toEqual([['2026-03', '', 2]]);
  });
});

describe('a replay whose history source fails now and then', () => {
  it('asks for the failed page again and counts every event once', async () => {
    const database = await openSubgraphTestbed(statisticsSubgraph);
    try {
      const quiet = createLogger('spec', 'error');
      const history = new HistoryOf('enforcement', [
        events.caseFiled('320102', '2026-03-01T02:00:00.000Z'),
        events.caseFiled('320102', '2026-03-02T02:00:00.000Z'),
        events.caseFiled('320102', '2026-03-03T02:00:00.000Z'),
      ]);
      let failures = 0;
      const flaky: EventHistorySource = {
        name: 'enforcement',
        page: (subscriber, after, limit) =>
          after === 1 && failures++ < 2
            ? Promise.reject(new Error('socket hang up'))
            : history.page(subscriber, after, limit),
      };
      const summary = await new IndicatorReplay(database.dataSource, new EventCountingService(quiet), quiet, 1).rebuild(
        [flaky],
        { pageSize: 1 },
      );
      expect(summary).toMatchObject({ events: 3, counted: 3 });
      expect(failures).toBe(3);
    } finally {
      await database.close();
    }
  });
});

describe('the replay’s set of event ids', () => {
  it('tells a new id from one seen, past many growths', () => {
    const ids = new EventIdSet(16);
    const uuids = Array.from({ length: 5000 }, () => crypto.randomUUID());
    expect(uuids.every((id) => ids.add(id))).toBe(true);
    expect(uuids.some((id) => ids.add(id))).toBe(false);
    expect(ids.size).toBe(5000);
    expect(() => ids.add('not-an-id')).toThrow('not an event id');
  });
});
