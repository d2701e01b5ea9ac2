import { graphql, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { RequestLoaders } from '../../../platform/graphql/request-loaders';
import { identityOf } from '../../../platform/testing/callers';
import { openSubgraphTestbed, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import type { CreditContext } from '../credit.context';
import { buildSchema, creditSubgraph } from '../credit.subgraph';
import { seedCreditRepairs } from './credit-repair.seed';

const JIANGSU_OFFICER = identityOf('js-credit-officer', '320000', 'credit-officer');
const ZHEJIANG_OFFICER = identityOf('zj-credit-officer', '330000', 'credit-officer');
const LICENSING_REVIEWER = identityOf('js-licensing-reviewer', '320000', 'licensing-reviewer');

const APPLICATIONS = `query ($first: Int) {
  creditRepairApplications(first: $first) {
    totalCount
    edges { node { id state creditCode disclosure { documentNumber version displayEndedAt } attachments { kind sm3Digest } } }
  }
}`;

describe('credit repair applications served', () => {
  let schema: GraphQLSchema;
  let testbed: TestbedOf<typeof creditSubgraph>;
  beforeAll(async () => {
    schema = await buildSchema();
  });
  beforeEach(async () => {
    testbed = await openSubgraphTestbed(creditSubgraph);
    await seedCreditRepairs(testbed.services, testbed.dependencies);
  });
  afterEach(async () => {
    await testbed.close();
  });

  const run = (caller: ReturnType<typeof identityOf>, first: number): Promise<ExecutionResult> => {
    const contextValue: CreditContext = {
      identity: caller,
      purpose: null,
      services: testbed.services,
      loaders: new RequestLoaders(),
    };
    return graphql({ schema, source: APPLICATIONS, variableValues: { first }, contextValue });
  };

  it('lists many applications with their disclosures and documents in the same statements as one', async () => {
    const statementsFor = async (first: number) => {
      const start = testbed.statements();
      const result = await run(JIANGSU_OFFICER, first);
      expect(result.errors).toBeUndefined();
      return { data: result.data, statements: testbed.statements() - start };
    };
    const one = await statementsFor(1);
    const two = await statementsFor(2);
    expect(two.statements).toBe(one.statements);
    const edges = (
      two.data as { creditRepairApplications: { edges: Array<{ node: { disclosure: { displayEndedAt: unknown } } }> } }
    ).creditRepairApplications.edges;
    expect(edges[0].node.disclosure.displayEndedAt).not.toBeNull();
    expect(two.data).toMatchObject({
      creditRepairApplications: {
        totalCount: 2,
        edges: [
          {
            node: {
              state: 'APPROVED',
              disclosure: { version: 2 },
              attachments: [{ kind: 'COMMITMENT_LETTER' }, { kind: 'CORRECTIVE_EVIDENCE' }],
            },
          },
          { node: { state: 'PENDING', disclosure: { version: 1, displayEndedAt: null } } },
        ],
      },
    });
  });

  it('shows officers of another region none, and refuses callers without credit:write', async () => {
    expect((await run(ZHEJIANG_OFFICER, 10)).data).toEqual({
      creditRepairApplications: { totalCount: 0, edges: [] },
    });
    const refused = await run(LICENSING_REVIEWER, 10);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});
