import { applyEventOnce } from '../../../platform/outbox/event-inbox';
import type { EventEnvelope } from '../../../platform/outbox/domain-event';
import { scopeIn } from '../../../platform/testing/callers';
import { openSubgraphTestbed, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { statisticsEventHandlers } from '../counting/event-counting.handlers';
import { events, HANGZHOU_CARRIER, KUNSHAN_CARRIER } from '../statistics.fixture';
import { statisticsSubgraph } from '../statistics.subgraph';
import { BreakdownBy, BreakdownOrder } from './indicator-trend.types';
import { PeriodGranularity } from './period';

const NATIONAL = scopeIn('000000');
const JIANGSU = scopeIn('320000');

/** A permit of another kind than the fixture's, to read a dimension. */
function coachPermit(regionCode: string, issuedAt: string): EventEnvelope {
  const envelope = events.permitIssued(regionCode, issuedAt);
  return { ...envelope, payload: { ...envelope.payload, kind: 'ROAD_PASSENGER_TRANSPORT' } };
}

describe('indicator series, breakdowns and rankings over the region tree', () => {
  let database: TestbedOf<typeof statisticsSubgraph>;

  beforeAll(async () => {
    database = await openSubgraphTestbed(statisticsSubgraph);
    const story: EventEnvelope[] = [
      // 2025: two in Nanjing (Q1), one in Suzhou (Q2).
      events.permitIssued('320102', '2025-01-10T02:00:00.000Z'),
      events.permitIssued('320106', '2025-02-10T02:00:00.000Z'),
      events.permitIssued('320583', '2025-04-10T02:00:00.000Z', KUNSHAN_CARRIER),
      // 2026: four in Nanjing (one of them a coach permit), two in Suzhou, one by the province itself.
      events.permitIssued('320102', '2026-01-05T02:00:00.000Z'),
      events.permitIssued('320102', '2026-01-20T02:00:00.000Z'),
      coachPermit('320106', '2026-02-01T02:00:00.000Z'),
      events.permitIssued('320106', '2026-03-01T02:00:00.000Z'),
      events.permitIssued('320583', '2026-03-15T02:00:00.000Z', KUNSHAN_CARRIER),
      events.permitIssued('320583', '2026-04-15T02:00:00.000Z', KUNSHAN_CARRIER),
      events.permitIssued('320000', '2026-04-16T02:00:00.000Z'),
      // Zhejiang.
      events.permitIssued('330106', '2026-02-10T02:00:00.000Z', HANGZHOU_CARRIER),
      events.permitIssued('330106', '2026-02-11T02:00:00.000Z', HANGZHOU_CARRIER),
    ];
    const handlers = statisticsEventHandlers(database.services);
    for (const envelope of story) await applyEventOnce(database.dataSource, handlers, envelope);
  });
  afterAll(async () => {
    await database.close();
  });

  const trend = (regionCode: string, granularity: PeriodGranularity, from: string, to: string, dimension?: string) =>
    database.services.indicatorQueries.trend(NATIONAL, {
      indicator: 'PERMITS_ISSUED',
      regionCode,
      granularity,
      from,
      to,
      dimension,
    });

  it('gives each month with the month before (环比) and the same month a year before (同比)', async () => {
    const series = await trend('320000', PeriodGranularity.MONTH, '2026-01', '2026-04');
    expect(series).toMatchObject({
      regionCode: '320000',
      regionName: '江苏省',
      definition: { code: 'PERMITS_ISSUED' },
    });
    expect(series.points).toEqual([
      {
        period: '2026-01',
        value: 2,
        previousPeriodValue: 0,
        periodOnPeriodPercent: null,
        lastYearValue: 1,
        yearOnYearPercent: 100,
      },
      {
        period: '2026-02',
        value: 1,
        previousPeriodValue: 2,
        periodOnPeriodPercent: -50,
        lastYearValue: 1,
        yearOnYearPercent: 0,
      },
      {
        period: '2026-03',
        value: 2,
        previousPeriodValue: 1,
        periodOnPeriodPercent: 100,
        lastYearValue: 0,
        yearOnYearPercent: null,
      },
      {
        period: '2026-04',
        value: 2,
        previousPeriodValue: 2,
        periodOnPeriodPercent: 0,
        lastYearValue: 1,
        yearOnYearPercent: 100,
      },
    ]);
  });

  it('sums quarters and years, and the country holds every province', async () => {
    const quarters = await trend('320000', PeriodGranularity.QUARTER, '2026-Q1', '2026-Q2');
    expect(
      quarters.points.map((point) => [point.period, point.value, point.lastYearValue, point.yearOnYearPercent]),
    ).toEqual([
      ['2026-Q1', 5, 2, 150],
      ['2026-Q2', 2, 1, 100],
    ]);
    const years = await trend('000000', PeriodGranularity.YEAR, '2025', '2026');
    expect(years.points.map((point) => [point.period, point.value, point.periodOnPeriodPercent])).toEqual([
      ['2025', 3, null],
      ['2026', 9, 200],
    ]);
  });

  it('limits the figures to one dimension value', async () => {
    const coaches = await trend('320100', PeriodGranularity.YEAR, '2026', '2026', 'ROAD_PASSENGER_TRANSPORT');
    expect(coaches.points[0].value).toBe(1);
    const freight = await trend('320100', PeriodGranularity.YEAR, '2026', '2026', 'ROAD_FREIGHT_TRANSPORT');
    expect(freight.points[0].value).toBe(3);
  });

  it('breaks a province down one level, every prefecture listed, ranked, with shares', async () => {
    const breakdown = await database.services.indicatorQueries.breakdown(JIANGSU, {
      indicator: 'PERMITS_ISSUED',
      regionCode: '320000',
      granularity: PeriodGranularity.YEAR,
      from: '2026',
      to: '2026',
      by: BreakdownBy.REGION,
      orderBy: BreakdownOrder.VALUE_DESC,
    });
    // The province's own permit is in its total and in no prefecture.
    expect(breakdown.total).toBe(7);
    expect(breakdown.rows.slice(0, 3)).toEqual([
      { key: '320100', name: '南京市', value: 4, sharePercent: 57.14, rank: 1 },
      { key: '320500', name: '苏州市', value: 2, sharePercent: 28.57, rank: 2 },
      expect.objectContaining({ value: 0, rank: 3 }),
    ]);
    expect(breakdown.rows).toHaveLength(13);
    expect(breakdown.rows.every((row) => row.key.startsWith('32') && row.key.endsWith('00'))).toBe(true);
  });

  it('breaks the country down by province and a region down by dimension', async () => {
    const country = await database.services.indicatorQueries.breakdown(NATIONAL, {
      indicator: 'PERMITS_ISSUED',
      regionCode: '000000',
      granularity: PeriodGranularity.MONTH,
      from: '2026-01',
      to: '2026-12',
      by: BreakdownBy.REGION,
      orderBy: BreakdownOrder.KEY,
    });
    expect(country.rows.find((row) => row.key === '330000')).toMatchObject({ name: '浙江省', value: 2, rank: 2 });
    expect(country.rows.length).toBeGreaterThanOrEqual(31);
    const kinds = await database.services.indicatorQueries.breakdown(NATIONAL, {
      indicator: 'PERMITS_ISSUED',
      regionCode: '320000',
      granularity: PeriodGranularity.YEAR,
      from: '2026',
      to: '2026',
      by: BreakdownBy.DIMENSION,
      orderBy: BreakdownOrder.VALUE_DESC,
    });
    expect(kinds.rows.map((row) => [row.key, row.value, row.rank])).toEqual([
      ['ROAD_FREIGHT_TRANSPORT', 6, 1],
      ['ROAD_PASSENGER_TRANSPORT', 1, 2],
    ]);
  });

  it('refuses a region outside the caller’s own, and bad periods naming the argument', async () => {
    await expect(trend('330000', PeriodGranularity.MONTH, '2026-01', '2026-01')).resolves.toBeDefined();
    await expect(
      database.services.indicatorQueries.trend(JIANGSU, {
        indicator: 'PERMITS_ISSUED',
        regionCode: '330000',
        granularity: PeriodGranularity.MONTH,
        from: '2026-01',
        to: '2026-01',
      }),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    for (const [granularity, from, to, field] of [
      [PeriodGranularity.QUARTER, '2026-Q5', '2026-Q4', 'from'],
      [PeriodGranularity.QUARTER, '2026-03', '2026-Q4', 'from'],
      [PeriodGranularity.YEAR, '2026', '2025', 'to'],
      [PeriodGranularity.MONTH, '2016-01', '2026-12', 'to'],
    ] as const) {
      await expect(trend('320000', granularity, from, to)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field },
      });
    }
  });
});
