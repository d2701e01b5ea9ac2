import { applyEventOnce } from '../../../platform/outbox/event-inbox';
import { scopeIn } from '../../../platform/testing/callers';
import { envelopeOf } from '../../../platform/testing/event-envelopes';
import { openSubgraphTestbed, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { statisticsEventHandlers } from '../counting/event-counting.handlers';
import { statisticsSubgraph } from '../statistics.subgraph';
import { BreakdownBy, BreakdownOrder } from './indicator-trend.types';
import { PeriodGranularity } from './period';

// A STOCK (hazards open) read by dimension: a group that stands from before the range but did not change
// within it is still a row.

describe('a stock broken down by its dimension', () => {
  let database: TestbedOf<typeof statisticsSubgraph>;

  beforeAll(async () => {
    database = await openSubgraphTestbed(statisticsSubgraph);
    const handlers = statisticsEventHandlers(database.services);
    const found = (hazardId: number, level: string, foundOn: string) =>
      envelopeOf(
        'hazard.found',
        { hazardId, regionCode: '320583', level, foundOn, deadline: '2026-12-31', recordedAt: `${foundOn}T02:00:00Z` },
        'safety',
      );
    for (const envelope of [
      found(1, 'MAJOR', '2026-03-10'),
      found(2, 'GENERAL', '2026-03-11'),
      found(3, 'GENERAL', '2026-04-02'),
      envelopeOf(
        'hazard.closed',
        {
          hazardId: 2,
          regionCode: '320583',
          level: 'GENERAL',
          deadline: '2026-03-25',
          closedAt: '2026-04-20T02:00:00.000Z',
          late: false,
        },
        'safety',
      ),
    ])
      await applyEventOnce(database.dataSource, handlers, envelope);
  });
  afterAll(async () => {
    await database.close();
  });

  const breakdown = (from: string, to: string) =>
    database.services.indicatorQueries.breakdown(scopeIn('000000'), {
      indicator: 'HAZARDS_OPEN',
      regionCode: '320500',
      granularity: PeriodGranularity.MONTH,
      from,
      to,
      by: BreakdownBy.DIMENSION,
      orderBy: BreakdownOrder.KEY,
    });

  it('lists the groups standing at the end of the range, changed in it or not', async () => {
    const april = await breakdown('2026-04', '2026-04');
    expect(april.total).toBe(2);
    expect(april.rows.map((row) => [row.key, row.value])).toEqual([
      ['GENERAL', 1],
      ['MAJOR', 1],
    ]);
    // May: nothing changed, both still stand.
    const may = await breakdown('2026-05', '2026-05');
    expect(may.rows.map((row) => [row.key, row.value])).toEqual([
      ['GENERAL', 1],
      ['MAJOR', 1],
    ]);
    // Before anything was found: no rows.
    expect((await breakdown('2026-02', '2026-02')).rows).toEqual([]);
  });
});
