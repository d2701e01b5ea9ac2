import { graphql, query, tokenFor, eventually } from './harness/single-window.client';
import { story } from './harness/story';

// An analyst's questions through the gateway: what is counted (the catalogue), how a figure moved
// (a series with 同比 and 环比), where it came from (a breakdown one level down, ranked), and within
// which region the analyst may ask.

const SERIES = `query ($indicator: Indicator!, $region: String!, $granularity: PeriodGranularity!, $from: String!, $to: String!, $dimension: String) {
  indicatorSeries(indicator: $indicator, regionCode: $region, granularity: $granularity, from: $from, to: $to, dimension: $dimension) {
    definition { code name unit aggregation }
    regionCode regionName granularity
    points { period value previousPeriodValue periodOnPeriodPercent lastYearValue yearOnYearPercent }
  }
}`;
const BREAKDOWN = `query ($indicator: Indicator!, $region: String!, $period: String!, $by: BreakdownBy!) {
  indicatorBreakdown(indicator: $indicator, regionCode: $region, granularity: YEAR, from: $period, to: $period, by: $by, orderBy: VALUE_DESC) {
    total rows { key name value sharePercent rank }
  }
}`;

interface Point {
  period: string;
  value: number | null;
}
interface Series {
  indicatorSeries: { regionName: string; definition: { name: string }; points: Point[] };
}
interface Breakdown {
  indicatorBreakdown: {
    total: number;
    rows: Array<{ key: string; name: string; value: number; sharePercent: number | null; rank: number | null }>;
  };
}

/** This month and year in China Standard Time. */
function chinaToday(): { month: string; year: string } {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString();
  return { month: today.slice(0, 7), year: today.slice(0, 4) };
}

describe("an analyst's indicators through the gateway", () => {
  const { month, year } = chinaToday();
  let ministry: string;
  let jiangsu: string;

  beforeAll(async () => {
    ministry = await tokenFor('ministry-analyst');
    jiangsu = await tokenFor('js-statistics-analyst');
  });

  const series = (token: string, variables: Record<string, unknown>) =>
    query<Series>(token, SERIES, { granularity: 'MONTH', from: month, to: month, ...variables });
  const permitsIn = async (region: string, dimension?: string) =>
    (await series(ministry, { indicator: 'PERMITS_ISSUED', region, dimension })).indicatorSeries.points[0].value ?? 0;

  it('lists the catalogue with Chinese names, units and the department each indicator comes from', async () => {
    const { indicators } = await query<{
      indicators: Array<{
        code: string;
        name: string;
        nameEn: string;
        unit: string;
        department: string;
        regionRule: string;
      }>;
    }>(ministry, `{ indicators { code name nameEn unit department regionRule } }`);
    expect(indicators).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'PERMITS_ISSUED',
          name: '行政许可发证数',
          unit: 'COUNT',
          department: 'licensing',
        }),
        expect.objectContaining({ code: 'FINES_FEN', unit: 'FEN', department: 'enforcement' }),
        expect.objectContaining({ code: 'WAYBILLS_CREATED', department: 'safety' }),
      ]),
    );
    for (const indicator of indicators) {
      expect(indicator.name).toMatch(/[\u4e00-\u9fff]/);
      expect(indicator.regionRule).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('counts a permit issued in Nanjing in the county, the city, the province and the country, by kind', async () => {
    const regions = ['320102', '320100', '320000', '000000'];
    const before = await Promise.all(regions.map((region) => permitsIn(region)));
    const freightBefore = await permitsIn('320000', 'ROAD_FREIGHT_TRANSPORT');
    const token = await tokenFor('ministry-admin');
    const enterprise = await story(token).enterprise('320102');
    await enterprise.withPermits(2);
    await eventually(async () => {
      const after = await Promise.all(regions.map((region) => permitsIn(region)));
      expect(after).toEqual(before.map((count) => count + 2));
    });
    expect(await permitsIn('320000', 'ROAD_FREIGHT_TRANSPORT')).toBe(freightBefore + 2);

    const byCity = await query<Breakdown>(ministry, BREAKDOWN, {
      indicator: 'PERMITS_ISSUED',
      region: '320000',
      period: year,
      by: 'REGION',
    });
    const nanjing = byCity.indicatorBreakdown.rows.find((row) => row.key === '320100');
    expect(nanjing?.name).toBe('南京市');
    expect(nanjing?.rank).toBeGreaterThanOrEqual(1);
    expect(nanjing!.value).toBeGreaterThanOrEqual(2);
    // Every prefecture of Jiangsu is listed, ranked from the highest figure down.
    expect(byCity.indicatorBreakdown.rows).toHaveLength(13);
    const values = byCity.indicatorBreakdown.rows.map((row) => row.value);
    expect(values).toEqual([...values].sort((left, right) => right - left));

    const byKind = await query<Breakdown>(ministry, BREAKDOWN, {
      indicator: 'PERMITS_ISSUED',
      region: '320000',
      period: year,
      by: 'DIMENSION',
    });
    expect(byKind.indicatorBreakdown.rows.map((row) => row.key)).toContain('ROAD_FREIGHT_TRANSPORT');
  });

  it('gives quarters and years with the period before and the same period a year before', async () => {
    const quarter = `${year}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
    const result = await series(ministry, {
      indicator: 'CASES_OPENED',
      region: '000000',
      granularity: 'QUARTER',
      from: quarter,
      to: quarter,
    });
    expect(typeof result.indicatorSeries.points[0].value).toBe('number');
    expect(result.indicatorSeries.points).toEqual([expect.objectContaining({ period: quarter })]);
    const years = await series(ministry, {
      indicator: 'FINES_FEN',
      region: '320000',
      granularity: 'YEAR',
      from: String(Number(year) - 2),
      to: year,
    });
    expect(years.indicatorSeries.points.map((point) => point.period)).toEqual([
      String(Number(year) - 2),
      String(Number(year) - 1),
      year,
    ]);
  });

  it("lets a province's analyst read its own tree and nothing outside it", async () => {
    const own = await series(jiangsu, { indicator: 'PERMITS_ISSUED', region: '320100' });
    expect(own.indicatorSeries.regionName).toBe('南京市');
    for (const region of ['330000', '000000']) {
      const refused = await graphql(
        SERIES,
        { indicator: 'PERMITS_ISSUED', region, granularity: 'MONTH', from: month, to: month },
        { token: jiangsu },
      );
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.data?.indicatorSeries ?? null).toBeNull();
    }
  });

  it('names the argument a bad question got wrong', async () => {
    const good: Record<string, unknown> = {
      indicator: 'PERMITS_ISSUED',
      region: '320000',
      granularity: 'MONTH',
      from: month,
      to: month,
    };
    for (const [variables, field] of [
      [{ granularity: 'QUARTER', from: `${year}-13`, to: `${year}-Q1` }, 'from'],
      [{ granularity: 'YEAR', from: year, to: String(Number(year) - 1) }, 'to'],
      [{ region: '32' }, 'regionCode'],
    ] as const) {
      const result = await graphql(SERIES, { ...good, ...variables }, { token: ministry });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const unknown = await graphql(
      SERIES,
      { indicator: 'NOT_AN_INDICATOR', region: '320000', granularity: 'MONTH', from: month, to: month },
      { token: ministry },
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
