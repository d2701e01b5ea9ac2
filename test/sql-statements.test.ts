import {
  eventually,
  query,
  requestSqlStatements,
  tokenFor,
  type GraphQLDocument,
} from './harness/single-window.client';
import { story } from './harness/story';
import { SINGLE_WINDOW } from './harness/single-window.query';

async function statementsFor<TData, TVariables>(
  token: string,
  document: GraphQLDocument<TData, TVariables>,
  variables: TVariables,
): Promise<number> {
  const before = await requestSqlStatements();
  await query(token, document, variables);
  return (await requestSqlStatements()) - before;
}

describe('SQL statements per request (N+1 guard)', () => {
  let token: string;
  let few: Awaited<ReturnType<ReturnType<typeof story>['enterprise']>>;
  let many: Awaited<ReturnType<ReturnType<typeof story>['enterprise']>>;
  const MANY = 25;

  beforeAll(async () => {
    token = await tokenFor('ministry-admin');
    few = await story(token).enterprise('320106', '少量记录运输有限公司');
    many = await story(token).enterprise('320106', '大量记录运输有限公司');
    // Each holds a hazardous-goods permit (its first) with a certified vehicle, so its waybills pass.
    const fewPlate = await few.hazardousGoodsCarrier();
    const manyPlate = await many.hazardousGoodsCarrier();
    await few.withDecidedCases(1);
    await few.withWaybills(1, fewPlate);
    await many.withPermits(MANY - 1);
    await many.withDecidedCases(MANY);
    await many.withWaybills(MANY, manyPlate);
    // Credit records come from the case decisions by events; wait for every one.
    await eventually(async () => {
      const data = await query<{ enterprise: { creditProfile: { records: { totalCount: number } } } }>(
        token,
        `query ($code: String!) { enterprise(creditCode: $code) { creditProfile { records(first: 1) { totalCount } } } }`,
        { code: many.creditCode },
      );
      expect(data.enterprise.creditProfile.records.totalCount).toBe(MANY);
    }, 60_000);
  }, 300_000);

  it('does not grow with the number of child rows of the enterprise', async () => {
    const manyData = await query(token, SINGLE_WINDOW, { code: many.creditCode });
    expect(manyData.enterprise?.permits?.totalCount).toBe(MANY);
    expect(manyData.enterprise?.permits?.edges).toHaveLength(10);
    expect(manyData.enterprise?.waybills?.totalCount).toBe(MANY);

    const withFew = await statementsFor(token, SINGLE_WINDOW, { code: few.creditCode });
    const withMany = await statementsFor(token, SINGLE_WINDOW, { code: many.creditCode });
    expect(withFew).toBeGreaterThan(0);
    expect(withMany).toBe(withFew);
  });

  it('does not grow with the number of permits whose certificates are shown', async () => {
    const CERTIFICATES = `query ($code: String!) { enterprise(creditCode: $code) { permits(first: 10) { edges { node { number certificate { certificateId validUntil } } } } } }`;
    const withFew = await statementsFor(token, CERTIFICATES, { code: few.creditCode });
    const withMany = await statementsFor(token, CERTIFICATES, { code: many.creditCode });
    expect(withMany).toBe(withFew);
  });

  it('does not grow with the number of enterprises in a list', async () => {
    const LIST = `query ($first: Int) {
      enterprises(first: $first) { edges { node { creditCode
        permits(first: 3) { totalCount edges { node { number } } }
        enforcementCases(first: 3) { totalCount }
        creditProfile { rating records(first: 3) { totalCount } }
        waybills(first: 3) { totalCount }
        activitySummary { permitsIssued }
      } } }
    }`;
    // The newest enterprises are the two this suite registered, each with children everywhere.
    const two = await statementsFor(token, LIST, { first: 2 });
    const ten = await statementsFor(token, LIST, { first: 10 });
    expect(ten).toBe(two);
  });
});
