import { chinaNow } from './authorization/matrix.dsl';
import { eventually, graphql, postFrom, query, tokenFor } from './harness/single-window.client';
import { story } from './harness/story';

// Open data (数据开放) through the gateway: the open data list's indicators for the country and the
// provinces, read by anyone without a token, small counts shown as "<5", every call audited; nothing
// else of statistics is open without a token.

const OPEN = `query OpenData($region: String!, $from: String!, $to: String!, $indicators: [Indicator!]) {
  openIndicators(regionCode: $region, granularity: MONTH, from: $from, to: $to, indicators: $indicators) {
    indicator name nameEn unit note regionCode regionName minimumCount
    points { period value display suppressed }
  }
}`;

interface OpenSeries {
  indicator: string;
  name: string;
  nameEn: string;
  unit: string;
  note: string;
  regionCode: string;
  regionName: string;
  minimumCount: number;
  points: Array<{ period: string; value: number | null; display: string; suppressed: boolean }>;
}

const SERIES = `query ($indicator: Indicator!, $region: String!, $from: String!, $to: String!) {
  indicatorSeries(indicator: $indicator, regionCode: $region, granularity: MONTH, from: $from, to: $to) { points { period value } }
}`;

/** Beijing: no demo data, so this test's one case is the only one counted there. */
const BEIJING = '110000';

function openData(variables: Record<string, unknown>, token?: string) {
  return graphql<{ openIndicators: OpenSeries[] }>(OPEN, variables, { token });
}

describe('open data (openIndicators)', () => {
  const { month } = chinaNow();
  const year = month.slice(0, 4);
  const range = { from: `${year}-01`, to: month };

  beforeAll(async () => {
    const admin = await tokenFor('ministry-admin');
    await (
      await story(admin).enterprise('110105', '开放数据测试运输有限公司')
    ).withDecidedCase({ penalty: 'FINE', fineFen: 200_000 });
    // As an analyst, so the waiting spends none of the public's rate limit.
    const analyst = await tokenFor('ministry-analyst');
    await eventually(async () => {
      const seen = await query<{ indicatorSeries: { points: Array<{ value: number }> } }>(analyst, SERIES, {
        indicator: 'CASES_DECIDED',
        region: BEIJING,
        from: month,
        to: month,
      });
      expect(seen.indicatorSeries.points[0].value).toBe(1);
    });
  }, 120_000);

  it('answers anyone without a token, with every figure of 1 to 4 shown as "<5" and the others as counted', async () => {
    const analyst = await tokenFor('ministry-analyst');
    for (const region of ['000000', '320000', BEIJING]) {
      const result = await openData({ region, ...range });
      expect(result.status).toBe(200);
      expect(result.errors).toBeUndefined();
      const series = result.data!.openIndicators;
      expect(series.map((each) => each.indicator)).toEqual([
        'PERMITS_ISSUED',
        'CASES_OPENED',
        'CASES_DECIDED',
        'WAYBILLS_CREATED',
      ]);
      for (const each of series) {
        expect(each).toMatchObject({ regionCode: region, minimumCount: 5, unit: 'COUNT' });
        const live = await query<{ indicatorSeries: { points: Array<{ period: string; value: number }> } }>(
          analyst,
          SERIES,
          { indicator: each.indicator, region, ...range },
        );
        expect(each.points).toEqual(
          live.indicatorSeries.points.map(({ period, value }) =>
            value > 0 && value < 5
              ? { period, value: null, display: '<5', suppressed: true }
              : { period, value, display: String(value), suppressed: false },
          ),
        );
      }
    }
    const beijing = (await openData({ region: BEIJING, from: month, to: month, indicators: ['CASES_DECIDED'] })).data!;
    expect(beijing.openIndicators).toEqual([
      expect.objectContaining({
        indicator: 'CASES_DECIDED',
        regionName: '北京市',
        points: [{ period: month, value: null, display: '<5', suppressed: true }],
      }),
    ]);
  });

  it('refuses a city or county and an indicator off the list, naming the argument', async () => {
    for (const region of ['320100', '320102']) {
      const refused = await openData({ region, ...range });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'regionCode' });
      expect(refused.data ?? null).toBeNull();
    }
    const fines = await openData({ region: '000000', ...range, indicators: ['FINES_FEN'] });
    expect(fines.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'indicators' });
  });

  it('keeps every other statistics query closed without a token', async () => {
    const closed = [
      `{ indicatorSeries(indicator: CASES_OPENED, regionCode: "000000", from: "${month}", to: "${month}") { points { value } } }`,
      `{ indicators { code } }`,
      `{ openIndicators(from: "${month}", to: "${month}") { indicator } indicators { code } }`,
      `{ openIndicators(from: "${month}", to: "${month}") { indicator } regionOverview(regionCode: "000000", year: ${year}) { casesOpened } }`,
      `query { ...Open } fragment Open on Query { openIndicators(from: "${month}", to: "${month}") { indicator } }`,
    ];
    for (const document of closed) {
      const result = await graphql(document);
      expect([document, result.status, result.errors?.[0]?.extensions?.code]).toEqual([
        document,
        401,
        'UNAUTHENTICATED',
      ]);
    }
    // Signed-in officers of any role read it too.
    const officer = await openData({ region: '320000', ...range }, await tokenFor('nj-enforcement-officer'));
    expect(officer.errors).toBeUndefined();
  });

  it('audits anonymous calls with no user', async () => {
    await graphql(
      `
        query OpenDataAuditCheck($month: String!) {
          openIndicators(regionCode: "320000", from: $month, to: $month) {
            indicator
          }
        }
      `,
      { month },
    );
    const audit = await query<{ auditRecords: { edges: Array<{ node: Record<string, unknown> }> } }>(
      await tokenFor('ministry-admin'),
      `{ auditRecords(operationName: "OpenDataAuditCheck", first: 5) { edges { node { username outcome subgraphs operationName } } } }`,
    );
    expect(audit.auditRecords.edges.map((edge) => edge.node)).toEqual([
      { username: null, outcome: 'OK', subgraphs: 'statistics', operationName: 'OpenDataAuditCheck' },
    ]);
  });

  it('is rate limited per client address like every public query, with 429 and Retry-After', async () => {
    // Its own address (127.0.0.3): the other tests' anonymous budget is left alone.
    const body = { query: OPEN, variables: { region: '000000', from: month, to: month } };
    const send = () => postFrom('127.0.0.3', body);
    let refusal: Awaited<ReturnType<typeof send>> | undefined;
    let allowed = 0;
    for (let batch = 0; batch < 20 && !refusal; batch += 1) {
      const responses = await Promise.all(Array.from({ length: 20 }, send));
      allowed += responses.filter((response) => response.status === 200).length;
      refusal = responses.find((response) => response.status === 429);
    }
    expect(allowed).toBeGreaterThan(0);
    expect(refusal?.body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(Number(refusal!.retryAfter)).toBeGreaterThan(0);
  });
});
