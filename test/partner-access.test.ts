import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './harness/service-processes';
import { clientToken, gatewayUrl, graphql, type GraphQLErrorBody } from './harness/single-window.client';

const CARRIER = '91320102MA1MY0R10Q';
const PURPOSE = { 'x-purpose': 'JOINT_DISCIPLINE', 'x-purpose-reason': encodeURIComponent('联合惩戒名单核查') };
const registered = readFileSync(
  join(PROJECT_ROOT, 'gateway', 'persisted-operations', 'partner-ndrc', 'EnterpriseCreditAndPermits.graphql'),
  'utf8',
);

interface CreditAndPermits {
  enterprise: {
    name: string;
    permits: { totalCount: number };
    creditProfile: { rating: string; records: { totalCount: number } } | null;
  } | null;
}

function codeOf(errors: GraphQLErrorBody[] | undefined): { code?: string; reason?: string } {
  return { code: errors?.[0]?.extensions?.code, reason: errors?.[0]?.extensions?.reason };
}

describe('a partner ministry with machine credentials', () => {
  let token: string;
  beforeAll(async () => {
    token = await clientToken('partner-ndrc');
  });

  it('runs a registered operation with a declared purpose and reads registry, permits and credit', async () => {
    const result = await graphql<CreditAndPermits>(registered, { creditCode: CARRIER }, { token, headers: PURPOSE });
    expect(result.errors).toBeUndefined();
    expect(result.data?.enterprise?.name).toBe('南京玄武危险品运输有限公司');
    expect(result.data?.enterprise?.permits.totalCount).toBeGreaterThan(0);
    expect(result.data?.enterprise?.creditProfile?.rating).toMatch(/^[ABCD]$/);
  });

  it("may send only the registered operation's hash (persisted query)", async () => {
    const response = await fetch(`${gatewayUrl()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...PURPOSE },
      body: JSON.stringify({
        variables: { creditCode: CARRIER },
        extensions: {
          persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(registered).digest('hex') },
        },
      }),
    });
    const body = (await response.json()) as { data?: CreditAndPermits; errors?: GraphQLErrorBody[] };
    expect(body.errors).toBeUndefined();
    expect(body.data?.enterprise?.name).toBe('南京玄武危险品运输有限公司');
  });

  it('is refused without a declared purpose', async () => {
    const result = await graphql(registered, { creditCode: CARRIER }, { token });
    expect(result.status).toBe(403);
    expect(result.data ?? null).toBeNull();
    expect(codeOf(result.errors)).toEqual({ code: 'FORBIDDEN', reason: 'PURPOSE_REQUIRED' });
  });

  it('is refused a purpose code that does not exist', async () => {
    const result = await graphql(
      registered,
      { creditCode: CARRIER },
      { token, headers: { 'x-purpose': 'CURIOSITY', 'x-purpose-reason': 'just looking' } },
    );
    expect(codeOf(result.errors)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_PURPOSE' });
  });

  it('is refused an ad-hoc document, even one asking for data its categories allow', async () => {
    const adHoc = await graphql(
      `query { enterprise(creditCode: "${CARRIER}") { name } }`,
      {},
      { token, headers: PURPOSE },
    );
    expect(adHoc.status).toBe(403);
    expect(codeOf(adHoc.errors)).toEqual({ code: 'FORBIDDEN', reason: 'OPERATION_NOT_ALLOWED' });
    // Safelisting is exact: the same operation laid out differently is another document.
    const reformatted = await graphql(
      registered.replace(/\n/g, '\n\n'),
      { creditCode: CARRIER },
      { token, headers: PURPOSE },
    );
    expect(codeOf(reformatted.errors)).toEqual({ code: 'FORBIDDEN', reason: 'OPERATION_NOT_ALLOWED' });
    const mutation = await graphql(
      `mutation { registerEnterprise(input: { creditCode: "${CARRIER}", name: "x", legalRepresentative: "x", regionCode: "320102", address: "x" }) { enterprise { name } } }`,
      {},
      { token, headers: PURPOSE },
    );
    expect(codeOf(mutation.errors)).toEqual({ code: 'FORBIDDEN', reason: 'OPERATION_NOT_ALLOWED' });
  });

  it('cannot read outside its data categories even through an operation registered by mistake', async () => {
    // The probe (a test seed) reads enforcement cases and waybills; the realm gives partner-ndrc neither
    // category, so no seed grant covers them and the gateway refuses before any subgraph is asked.
    const probe = readFileSync(
      join(PROJECT_ROOT, 'test', 'fixtures', 'persisted-operations', 'partner-ndrc', 'CategoryProbe.graphql'),
      'utf8',
    );
    const result = await graphql<{ enterprise: unknown }>(probe, { creditCode: CARRIER }, { token, headers: PURPOSE });
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'GRANT_REQUIRED' });
    expect(['Enterprise.enforcementCases', 'Enterprise.waybills']).toContain(
      result.errors?.[0]?.extensions?.coordinate,
    );
    expect(result.errors?.[0]?.extensions?.coordinates).toEqual(
      expect.arrayContaining(['Enterprise.enforcementCases', 'Enterprise.waybills']),
    );
  });

  it('reads transport statistics through its statistics category, for a declared statistical purpose', async () => {
    const trend = readFileSync(
      join(PROJECT_ROOT, 'gateway', 'persisted-operations', 'partner-ndrc', 'TransportIndicatorTrend.graphql'),
      'utf8',
    );
    const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
    const result = await graphql<{
      indicatorSeries: { regionName: string; definition: { name: string }; points: Array<{ period: string }> };
    }>(
      trend,
      {
        indicator: 'PERMITS_ISSUED',
        regionCode: '000000',
        granularity: 'YEAR',
        from: String(year - 1),
        to: String(year),
      },
      {
        token,
        headers: {
          'x-purpose': 'STATISTICAL_ANALYSIS',
          'x-purpose-reason': encodeURIComponent('投资项目运输保障分析'),
        },
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.indicatorSeries).toMatchObject({ regionName: '全国', definition: { name: '行政许可发证数' } });
    expect(result.data?.indicatorSeries.points.map((point) => point.period)).toEqual([String(year - 1), String(year)]);
  });
});
