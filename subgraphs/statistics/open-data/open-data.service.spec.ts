import type { IndicatorDefinition } from '../catalogue/indicator-definition';
import { RegionCounts } from '../indicator/indicator-figures';
import { PeriodGranularity } from '../indicator/period';
import { openSubgraphTestbed, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { events } from '../statistics.fixture';
import { statisticsSubgraph } from '../statistics.subgraph';
import { openValue } from './open-data.service';

const counted = { code: 'CASES_OPENED', aggregation: 'SUM', unit: 'COUNT' } as IndicatorDefinition;
const ratio = {
  code: 'DECIDED_RATE',
  aggregation: 'RATIO',
  unit: 'PERCENT',
  numerator: 'CASES_DECIDED',
  denominator: 'CASES_OPENED',
} as IndicatorDefinition;
const median = {
  code: 'MEDIAN_DAYS',
  aggregation: 'MEDIAN',
  unit: 'WORKING_DAYS',
  histogram: 'CASES_OPENED',
} as IndicatorDefinition;

function countsOf(cells: Array<[string, string, number]>): RegionCounts {
  const counts = new RegionCounts();
  for (const [indicator, dimension, value] of cells) counts.add(indicator, '2026-03', dimension, value);
  return counts;
}

const cell = (definition: IndicatorDefinition, counts: RegionCounts, k = 5) =>
  openValue(definition, counts, ['2026-03'], ['2026-03'], k);

describe('open data cells (数据开放, small counts suppressed)', () => {
  it('shows a count of 1 to k-1 as "<k", and 0 and k and more as they are', () => {
    expect(cell(counted, countsOf([['CASES_OPENED', '', 4]]))).toEqual({
      value: null,
      display: '<5',
      suppressed: true,
    });
    expect(cell(counted, countsOf([['CASES_OPENED', '', 1]]), 10)).toMatchObject({ display: '<10', suppressed: true });
    expect(cell(counted, countsOf([['CASES_OPENED', '', 5]]))).toEqual({ value: 5, display: '5', suppressed: false });
    expect(cell(counted, countsOf([]))).toEqual({ value: 0, display: '0', suppressed: false });
  });

  it('judges a ratio by its denominator and its numerator, a median by how many values it is of', () => {
    const rate = (decided: number, opened: number) =>
      cell(
        ratio,
        countsOf([
          ['CASES_DECIDED', '', decided],
          ['CASES_OPENED', '', opened],
        ]),
      );
    expect(rate(2, 4)).toEqual({ value: null, display: '<5', suppressed: true });
    expect(rate(2, 40)).toMatchObject({ suppressed: true });
    expect(rate(0, 40)).toEqual({ value: 0, display: '0', suppressed: false });
    expect(rate(10, 40)).toEqual({ value: 25, display: '25', suppressed: false });
    expect(rate(0, 0)).toEqual({ value: null, display: '—', suppressed: false });
    expect(
      cell(
        median,
        countsOf([
          ['CASES_OPENED', 'A/3', 2],
          ['CASES_OPENED', 'A/9', 2],
        ]),
      ),
    ).toMatchObject({
      suppressed: true,
    });
    expect(
      cell(
        median,
        countsOf([
          ['CASES_OPENED', 'A/3', 3],
          ['CASES_OPENED', 'A/9', 2],
        ]),
      ),
    ).toEqual({
      value: 3,
      display: '3',
      suppressed: false,
    });
  });
});

describe('openIndicators', () => {
  let database: TestbedOf<typeof statisticsSubgraph>;
  const open = (regionCode: string, indicators: string[] | null = ['CASES_OPENED']) =>
    database.services.openData.series({
      indicators,
      regionCode,
      granularity: PeriodGranularity.QUARTER,
      from: '2026-Q1',
      to: '2026-Q2',
    });

  beforeAll(async () => {
    database = await openSubgraphTestbed(statisticsSubgraph, { environment: { STATISTICS_OPEN_DATA_MIN_COUNT: '3' } });
    for (const day of ['01', '02', '03'])
      await database.deliver(events.caseFiled('320102', `2026-03-${day}T02:00:00.000Z`));
    await database.deliver(events.caseFiled('330106', '2026-04-01T02:00:00.000Z'));
  });
  afterAll(async () => {
    await database.close();
  });

  it('reads the country and provinces with k from STATISTICS_OPEN_DATA_MIN_COUNT', async () => {
    const [jiangsu] = await open('320000');
    expect(jiangsu).toMatchObject({ indicator: 'CASES_OPENED', regionName: '江苏省', minimumCount: 3 });
    expect(jiangsu.points).toEqual([
      { period: '2026-Q1', value: 3, display: '3', suppressed: false },
      { period: '2026-Q2', value: 0, display: '0', suppressed: false },
    ]);
    expect((await open('330000'))[0].points.map((point) => point.display)).toEqual(['0', '<3']);
    expect((await open('000000'))[0].points.map((point) => point.display)).toEqual(['3', '<3']);
    expect((await open('000000', null)).map((series) => series.indicator)).toEqual([
      'PERMITS_ISSUED',
      'CASES_OPENED',
      'CASES_DECIDED',
      'WAYBILLS_CREATED',
    ]);
  });

  it('refuses cities and counties, and indicators off the list, naming the argument', async () => {
    for (const region of ['320100', '320102', '32000'])
      await expect(open(region)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'regionCode' } });
    await expect(open('000000', ['FINES_FEN'])).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'indicators' },
    });
  });
});
