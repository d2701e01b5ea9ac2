import { openSubgraphTestbed, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { caseDecided } from '../credit.fixture';
import { creditSubgraph } from '../credit.subgraph';

const CARRIER = '91320102MA1MY0R10Q';
const KUNSHAN = '91320583MA1NQ2W40E';
const HANGZHOU = '91330106MA2H4K1L0X';
const UNRECORDED = '91330102MA2CE6F00H';

describe('credit profiles', () => {
  let testbed: TestbedOf<typeof creditSubgraph>;
  beforeAll(async () => {
    testbed = await openSubgraphTestbed(creditSubgraph);
    // Carrier: -20 and -2 -> 78 (B). Kunshan: -40 and -20 -> 40 (D). Hangzhou: -5 -> 95 (A).
    await testbed.deliver(caseDecided({ caseNumber: '3201022026000001', creditCode: CARRIER, fineFen: 6_000_000 }));
    await testbed.deliver(
      caseDecided({ caseNumber: '3201022026000002', creditCode: CARRIER, penalty: 'WARNING', fineFen: null }),
    );
    await testbed.deliver(
      caseDecided({
        caseNumber: '3205832026000001',
        creditCode: KUNSHAN,
        regionCode: '320583',
        penalty: 'PERMIT_REVOCATION',
        fineFen: null,
      }),
    );
    await testbed.deliver(
      caseDecided({
        caseNumber: '3205832026000002',
        creditCode: KUNSHAN,
        regionCode: '320583',
        penalty: 'PERMIT_SUSPENSION',
        fineFen: null,
      }),
    );
    await testbed.deliver(
      caseDecided({ caseNumber: '3301062026000001', creditCode: HANGZHOU, regionCode: '330106', fineFen: 20_000 }),
    );
  });
  afterAll(async () => {
    await testbed.close();
  });

  it('answers score and rating for many subjects in one statement, full marks for a subject without records', async () => {
    const loader = testbed.services.profiles.createLoader();
    const before = testbed.statements();
    const profiles = await Promise.all([CARRIER, KUNSHAN, HANGZHOU, UNRECORDED].map((code) => loader.load(code)));
    expect(testbed.statements() - before).toBe(1);
    expect(profiles).toEqual([
      { creditCode: CARRIER, score: 78, rating: 'B', recordCount: 2 },
      { creditCode: KUNSHAN, score: 40, rating: 'D', recordCount: 2 },
      { creditCode: HANGZHOU, score: 95, rating: 'A', recordCount: 1 },
      { creditCode: UNRECORDED, score: 100, rating: 'A', recordCount: 0 },
    ]);
  });

  it('pages the records of many subjects in two statements however many there are', async () => {
    const loader = testbed.services.records.createSubjectPagesLoader({ limit: 1, afterId: null });
    const before = testbed.statements();
    const pages = await Promise.all([CARRIER, KUNSHAN, HANGZHOU, UNRECORDED].map((code) => loader.load(code)));
    expect(testbed.statements() - before).toBe(2);
    expect(
      pages.map((page) => [
        page.totalCount,
        page.edges.map((edge) => edge.node.sourceReference),
        page.pageInfo.hasNextPage,
      ]),
    ).toEqual([
      [2, ['3201022026000002'], true],
      [2, ['3205832026000002'], true],
      [1, ['3301062026000001'], false],
      [0, [], false],
    ]);
  });
});
