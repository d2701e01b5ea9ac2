import { CreditRecord } from './credit-record/credit-record.entity';
import { seedCredit } from './credit.seed';
import { openSubgraphTestbed, type TestbedOf } from '../../platform/testing/subgraph-testbed';
import { caseDecided } from './credit.fixture';
import { creditSubgraph } from './credit.subgraph';

describe('the credit demo seed', () => {
  let testbed: TestbedOf<typeof creditSubgraph>;
  beforeEach(async () => {
    testbed = await openSubgraphTestbed(creditSubgraph);
  });
  afterEach(async () => {
    await testbed.close();
  });

  const records = () => testbed.dataSource.getRepository(CreditRecord).find({ order: { id: 'ASC' } });

  it('enters a commendation in Hangzhou and a dishonesty in Kunshan, once', async () => {
    await seedCredit(testbed.services, testbed.dependencies);
    const seeded = await records();
    expect(
      seeded.map((record) => [
        record.creditCode,
        record.kind,
        record.source,
        record.regionCode,
        record.scoreDelta,
        record.recordedBy,
      ]),
    ).toEqual([
      ['91330102MA2CE6F00H', 'COMMENDATION', 'MANUAL', '330102', 5, 'demo-seed'],
      ['91320583MA1NQ2W40E', 'DISHONESTY', 'MANUAL', '320583', -30, 'demo-seed'],
    ]);
    expect(await testbed.services.profiles.profileOf(testbed.dataSource.manager, '91320583MA1NQ2W40E')).toMatchObject({
      score: 70,
      rating: 'C',
    });

    await seedCredit(testbed.services, testbed.dependencies);
    expect(await records()).toEqual(seeded);
  });

  it('does nothing when the credit file already holds records', async () => {
    await testbed.deliver(caseDecided());
    await seedCredit(testbed.services, testbed.dependencies);
    expect((await records()).map((record) => record.source)).toEqual(['ENFORCEMENT_DECISION']);
  });
});
