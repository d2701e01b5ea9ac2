import { applyEventOnce } from '../../../platform/outbox/event-inbox';
import type { EventEnvelope } from '../../../platform/outbox/domain-event';
import { scopeIn } from '../../../platform/testing/callers';
import { openSubgraphTestbed, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { statisticsEventHandlers } from '../counting/event-counting.handlers';
import { IndicatorCountsReader } from '../indicator/indicator-counts.reader';
import { PeriodGranularity } from '../indicator/period';
import { IndicatorForecastService } from '../forecast/indicator-forecast.service';
import { events } from '../statistics.fixture';
import { statisticsSubgraph } from '../statistics.subgraph';
import { IndicatorWarningService, latestPeriodBy, warningMessages } from './indicator-warning.service';
import { indicatorDefinition } from '../catalogue/indicator-catalogue';
import { ThresholdComparison, ThresholdReach, type SetWarningThresholdInput } from './warning-threshold.types';

const NATIONAL = scopeIn('000000');
const JIANGSU = scopeIn('320000');
const ZHEJIANG = scopeIn('330000');
// "Now" is 2026-12-10 in China: the latest complete month is 2026-11.
const NOW = () => new Date('2026-12-10T02:00:00.000Z');
const at = (month: string, day = 10) => `${month}-${String(day).padStart(2, '0')}T02:00:00.000Z`;

function threshold(overrides: Partial<SetWarningThresholdInput>): SetWarningThresholdInput {
  return {
    indicator: 'CASES_OPENED',
    regionCode: '320000',
    comparison: ThresholdComparison.VALUE_ABOVE,
    threshold: 2,
    granularity: PeriodGranularity.MONTH,
    reach: ThresholdReach.REGION_AND_BELOW,
    enabled: true,
    ...overrides,
  };
}

describe('early warning', () => {
  let database: TestbedOf<typeof statisticsSubgraph>;
  let warnings: IndicatorWarningService;

  beforeAll(async () => {
    database = await openSubgraphTestbed(statisticsSubgraph);
    warnings = new IndicatorWarningService(
      new IndicatorCountsReader(database.dataSource),
      database.services.warningThresholds,
      NOW,
    );
    const story: EventEnvelope[] = [
      // Nanjing: 1 case in October, 4 in November; Suzhou: 1 in November; Hangzhou: 5 in November.
      events.caseFiled('320102', at('2026-10')),
      ...[1, 2, 3, 4].map((day) => events.caseFiled('320102', at('2026-11', day))),
      events.caseFiled('320583', at('2026-11')),
      ...[1, 2, 3, 4, 5].map((day) => events.caseFiled('330106', at('2026-11', day))),
      // December is not complete: not evaluated by default.
      ...[1, 2, 3].map((day) => events.caseFiled('320583', at('2026-12', day))),
    ];
    const handlers = statisticsEventHandlers(database.services);
    for (const envelope of story) await applyEventOnce(database.dataSource, handlers, envelope);
  });
  afterAll(async () => {
    await database.close();
  });

  it('numbers the latest complete quarter and year by a month', () => {
    const november = 2026 * 12 + 10;
    expect(latestPeriodBy(PeriodGranularity.MONTH, november)).toBe(november);
    expect(latestPeriodBy(PeriodGranularity.QUARTER, november)).toBe(2026 * 4 + 2); // 2026-Q3
    expect(latestPeriodBy(PeriodGranularity.QUARTER, november + 1)).toBe(2026 * 4 + 3); // December closes Q4
    expect(latestPeriodBy(PeriodGranularity.YEAR, november)).toBe(2025);
  });

  it('validates thresholds, naming the field', async () => {
    const set = (input: Partial<SetWarningThresholdInput>, scope = JIANGSU) =>
      database.services.warningThresholds.set(scope, threshold(input), 'js-warning-analyst');
    await expect(set({ indicator: 'NO_SUCH' })).rejects.toMatchObject({ extensions: { field: 'indicator' } });
    await expect(set({ regionCode: '32010' })).rejects.toMatchObject({ extensions: { field: 'regionCode' } });
    await expect(set({ regionCode: '330000' })).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(set({ threshold: -1 })).rejects.toMatchObject({ extensions: { field: 'threshold' } });
    await expect(set({ threshold: Number.NaN })).rejects.toMatchObject({ extensions: { field: 'threshold' } });
    await expect(
      set({ comparison: ThresholdComparison.PERIOD_ON_PERIOD_DOWN_PERCENT, threshold: 150 }),
    ).rejects.toMatchObject({ extensions: { field: 'threshold', code: 'BAD_USER_INPUT' } });
    await expect(set({ comparison: 'ABOVE' as ThresholdComparison })).rejects.toMatchObject({
      extensions: { field: 'comparison' },
    });
  });

  it('raises a warning for each region whose figure passes, with the figure, threshold and region', async () => {
    const set = await database.services.warningThresholds.set(JIANGSU, threshold({}), 'js-warning-analyst');
    expect(set).toMatchObject({ version: 1, createdBy: 'js-warning-analyst', regionName: '江苏省' });
    const found = await warnings.warnings(JIANGSU, '320000');
    // Jiangsu 5 and Nanjing 4 pass 2; Suzhou's 1 does not; December's 3 in Suzhou are not evaluated.
    expect(found.map((warning) => [warning.regionCode, warning.period, warning.figure, warning.threshold])).toEqual([
      ['320000', '2026-11', 5, 2],
      ['320100', '2026-11', 4, 2],
    ]);
    expect(found[1]).toMatchObject({
      regionName: '南京市',
      thresholdRegionCode: '320000',
      comparison: 'VALUE_ABOVE',
      message: '南京市 2026-11 立案数 4，超过阈值 2',
    });
    // The month asked for instead of the latest complete one.
    expect((await warnings.warnings(JIANGSU, '320000', '2026-12')).map((warning) => warning.regionCode)).toEqual([
      '320000',
      '320500',
    ]);
  });

  it('lets a nearer region’s own threshold override one above, and changes a threshold by version', async () => {
    const nanjing = await database.services.warningThresholds.set(
      JIANGSU,
      threshold({ regionCode: '320100', threshold: 10, reach: ThresholdReach.REGION_ONLY }),
      'js-warning-analyst',
    );
    expect((await warnings.warnings(JIANGSU, '320000')).map((warning) => warning.regionCode)).toEqual(['320000']);
    await expect(
      database.services.warningThresholds.set(
        JIANGSU,
        threshold({ regionCode: '320100', threshold: 3, expectedVersion: 7 }),
        'js-warning-analyst',
      ),
    ).rejects.toMatchObject({ extensions: { code: 'CONFLICT', reason: 'STALE_VERSION' } });
    const changed = await database.services.warningThresholds.set(
      JIANGSU,
      threshold({ regionCode: '320100', threshold: 3, expectedVersion: 1 }),
      'js-warning-analyst',
    );
    expect(changed).toMatchObject({ id: nanjing.id, version: 2, threshold: 3 });
    expect((await warnings.warnings(JIANGSU, '320000')).map((warning) => warning.regionCode)).toEqual([
      '320000',
      '320100',
    ]);
    await database.services.warningThresholds.remove(JIANGSU, { id: nanjing.id });
  });

  it('compares changes from the period before, and keeps other provinces apart', async () => {
    await database.services.warningThresholds.set(
      NATIONAL,
      threshold({ regionCode: '000000', comparison: ThresholdComparison.PERIOD_ON_PERIOD_UP_PERCENT, threshold: 50 }),
      'ministry-analyst',
    );
    const zhejiang = await warnings.warnings(ZHEJIANG, '330000');
    // Zhejiang sees the national threshold applied to itself, never Jiangsu's; October had 0, so no change.
    expect(zhejiang).toEqual([]);
    const jiangsu = await warnings.warnings(JIANGSU, '320000');
    const rises = jiangsu.filter((warning) => warning.comparison === ThresholdComparison.PERIOD_ON_PERIOD_UP_PERCENT);
    expect(
      rises.map((warning) => [warning.regionCode, warning.figure, warning.baseFigure, warning.changePercent]),
    ).toEqual([
      ['320000', 5, 1, 400],
      ['320100', 4, 1, 300],
    ]);
    expect(rises[0].message).toBe('江苏省 2026-11 立案数 5，环比上升 400%（上期 1），超过阈值 50%');
    await expect(warnings.warnings(ZHEJIANG, '320000')).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect((await database.services.warningThresholds.list(ZHEJIANG, '330000')).map((item) => item.regionCode)).toEqual(
      ['000000'],
    );
  });

  it('evaluates quarterly thresholds on the latest complete quarter, and not disabled ones', async () => {
    const quarterly = threshold({
      granularity: PeriodGranularity.QUARTER,
      threshold: 8,
      reach: ThresholdReach.REGION_ONLY,
    });
    const set = await database.services.warningThresholds.set(JIANGSU, quarterly, 'js-warning-analyst');
    const ofQuarter = async (period?: string) =>
      (await warnings.warnings(JIANGSU, '320000', period)).filter((warning) => warning.thresholdId === set.id);
    // By the end of November the latest complete quarter is Q3, which counted nothing.
    expect(await ofQuarter()).toEqual([]);
    // December closes Q4: October 1, November 5 and December 3 in Jiangsu.
    expect((await ofQuarter('2026-12')).map((warning) => [warning.regionCode, warning.period, warning.figure])).toEqual(
      [['320000', '2026-Q4', 9]],
    );
    await database.services.warningThresholds.set(JIANGSU, { ...quarterly, enabled: false }, 'js-warning-analyst');
    expect(await ofQuarter('2026-12')).toEqual([]);
  });

  it('writes amounts of money in yuan', () => {
    const fines = indicatorDefinition('FINES_FEN')!;
    const texts = warningMessages(
      {
        thresholdId: '1',
        indicator: 'FINES_FEN',
        regionCode: '320100',
        regionName: '南京市',
        thresholdRegionCode: '320000',
        granularity: PeriodGranularity.MONTH,
        period: '2026-11',
        comparison: ThresholdComparison.VALUE_ABOVE,
        threshold: 1_000_000,
        figure: 2_500_050,
        baseFigure: null,
        changePercent: null,
      },
      fines,
    );
    expect(texts).toEqual({
      message: '南京市 2026-11 罚款金额 25000.50元，超过阈值 10000.00元',
      messageEn: '320100 2026-11 Fines imposed 25000.50 yuan, above the threshold 10000.00 yuan',
    });
  });

  it('forecasts from the months counted, with the backtest beside it', async () => {
    const forecasts = new IndicatorForecastService(new IndicatorCountsReader(database.dataSource), NOW);
    const forecast = await forecasts.forecast(JIANGSU, { indicator: 'CASES_OPENED', regionCode: '320100', months: 3 });
    expect(forecast).toMatchObject({
      method: 'HOLT_LINEAR',
      historyMonths: 2,
      historyFrom: '2026-10',
      historyTo: '2026-11',
      backtestMonths: 0,
      meanAbsoluteError: null,
    });
    // A line through 1 and 4.
    expect(forecast.points).toEqual([
      { month: '2026-12', value: 7 },
      { month: '2027-01', value: 10 },
      { month: '2027-02', value: 13 },
    ]);
    await expect(
      forecasts.forecast(JIANGSU, { indicator: 'CASES_OPENED', regionCode: '320100', months: 13 }),
    ).rejects.toMatchObject({ extensions: { field: 'months' } });
  });
});
