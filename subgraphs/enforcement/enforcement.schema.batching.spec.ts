import { expect } from '@jest/globals';
import { SYSTEM_SCOPE } from '../../platform/auth/region-scope';
import { evidenceItem, filing, procedure, type EnforcementTestbed } from './enforcement.fixture';
import { OFFICER, servedPerTest, SUPERVISOR, type RunAs } from './enforcement.schema.fixture';

// Lists through the schema read each child field of a whole page in one statement (no N+1).

describe('the enforcement schema', () => {
  describe('served on a real database', () => {
    let testbed: EnforcementTestbed, run: RunAs;
    servedPerTest((served) => ({ testbed, run } = served));

    it('reads the shares of a page of cases in one statement', async () => {
      for (let index = 0; index < 3; index += 1) {
        const filed = await testbed.services.cases.file(
          SYSTEM_SCOPE,
          { regionCode: '330106', cause: '测试', creditCode: '91330106MA2H4K1L0X' },
          'spec',
        );
        await testbed.services.cases.share(
          SYSTEM_SCOPE,
          { caseNumber: filed.caseNumber, regionCode: '320000', reason: '请协助核查' },
          'spec',
        );
      }
      const statementsFor = async (source: string) => {
        const start = testbed.statements();
        const result = await run(SUPERVISOR, source);
        expect(result.errors).toBeUndefined();
        return { data: result.data, statements: testbed.statements() - start };
      };
      const without = await statementsFor(
        `{ enforcementCases(first: 10) { totalCount edges { node { caseNumber } } } }`,
      );
      const withShares = await statementsFor(
        `{ enforcementCases(first: 10) { totalCount edges { node { caseNumber sharedWith { regionCode } } } } }`,
      );
      expect(withShares.data).toMatchObject({
        enforcementCases: { totalCount: 3, edges: [{ node: { sharedWith: [{ regionCode: '320000' }] } }, {}, {}] },
      });
      expect(withShares.statements).toBe(without.statements + 1);
    });

    it('reads the timeline, evidence, transfers and assistance requests of a page of cases in one statement each', async () => {
      const story = procedure(testbed.services);
      for (let index = 0; index < 3; index += 1) {
        const open = await story.investigating(filing({ regionCode: '320102' }));
        await testbed.services.evidence.add(
          SYSTEM_SCOPE,
          { caseNumber: open.caseNumber, ...evidenceItem(`photo ${index}`) },
          'spec',
        );
        await testbed.services.assistance.request(
          SYSTEM_SCOPE,
          {
            caseNumber: open.caseNumber,
            assistingRegionCode: '330106',
            question: '请协助核查车辆',
            sharedSummary: '苏A12345',
          },
          'spec',
        );
        await testbed.services.transfers.propose(
          SYSTEM_SCOPE,
          { caseNumber: open.caseNumber, toRegionCode: '320583', reason: '移送昆山市处理' },
          'spec',
        );
      }
      const statementsFor = async (selection: string) => {
        const start = testbed.statements();
        const result = await run(
          SUPERVISOR,
          `{ enforcementCases(first: 10) { totalCount edges { node { caseNumber ${selection} } } } }`,
        );
        expect(result.errors).toBeUndefined();
        return { data: result.data, statements: testbed.statements() - start };
      };
      const without = await statementsFor('');
      const everything = await statementsFor(
        'steps { action } evidence { sm3Digest } transfers { status } assistanceRequests { status } proposal { penalty } notice { responseDueDate }',
      );
      expect(everything.data).toMatchObject({
        enforcementCases: {
          totalCount: 3,
          edges: [
            {
              node: {
                steps: expect.any(Array),
                evidence: [{}],
                transfers: [{ status: 'PROPOSED' }],
                assistanceRequests: [{ status: 'OPEN' }],
              },
            },
            {},
            {},
          ],
        },
      });
      expect(everything.statements).toBe(without.statements + 4);
    });

    it('resolves the cases of many enterprises and vehicles in one batch', async () => {
      for (const creditCode of ['91320102MA1MY0R10Q', '91320102MA1MY0R10Q', '91320583MA1NQ2W40E']) {
        await testbed.services.cases.file(
          SYSTEM_SCOPE,
          { regionCode: '320102', cause: '测试', creditCode, plateNumber: '苏A12345' },
          'spec',
        );
      }
      const entities = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
        ... on Enterprise { creditCode enforcementCases(first: 1) { totalCount edges { node { caseNumber steps { toStatus } } } } }
        ... on Vehicle { plateNumber enforcementCases(first: 5) { totalCount } }
      } }`;
      const statementsFor = async (representations: unknown[]) => {
        const start = testbed.statements();
        const result = await run(OFFICER, entities, { representations });
        expect(result.errors).toBeUndefined();
        return { data: result.data as { _entities: unknown[] }, statements: testbed.statements() - start };
      };
      const one = await statementsFor([{ __typename: 'Enterprise', creditCode: '91320102MA1MY0R10Q' }]);
      const many = await statementsFor([
        { __typename: 'Enterprise', creditCode: '91320102MA1MY0R10Q' },
        { __typename: 'Enterprise', creditCode: '91320583MA1NQ2W40E' },
        { __typename: 'Enterprise', creditCode: '91330106MA2H4K1L0X' },
        { __typename: 'Vehicle', plateNumber: '苏A12345' },
      ]);
      expect(many.data._entities).toMatchObject([
        {
          creditCode: '91320102MA1MY0R10Q',
          enforcementCases: { totalCount: 2, edges: [{ node: { steps: [{ toStatus: 'FILING_PENDING' }] } }] },
        },
        { creditCode: '91320583MA1NQ2W40E', enforcementCases: { totalCount: 1 } },
        { creditCode: '91330106MA2H4K1L0X', enforcementCases: { totalCount: 0, edges: [] } },
        { plateNumber: '苏A12345', enforcementCases: { totalCount: 3 } },
      ]);
      // Enterprise pages (2) and their steps (1), plus the vehicle pages (2).
      expect(one.statements).toBe(3);
      expect(many.statements).toBe(5);
    });
  });
});
