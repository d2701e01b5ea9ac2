import { SYSTEM_SCOPE } from '../../platform/auth/region-scope';
import { pageRequest } from '../../platform/graphql/connection';
import { CreditRecordSource } from './credit-record/credit-record-kind';
import { CreditRecord } from './credit-record/credit-record.entity';
import { CreditDisclosure } from './disclosure/credit-disclosure.entity';
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
  const manual = async () => (await records()).filter((record) => record.source === CreditRecordSource.MANUAL);

  it('enters a commendation in Hangzhou and a dishonesty in Kunshan, once', async () => {
    await seedCredit(testbed.services, testbed.dependencies);
    const seeded = await manual();
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
    expect(await manual()).toEqual(seeded);
  });

  it('does nothing when the credit file already holds records', async () => {
    await testbed.deliver(caseDecided());
    await seedCredit(testbed.services, testbed.dependencies);
    expect((await records()).map((record) => record.source)).toEqual(['ENFORCEMENT_DECISION']);
  });

  it('shows a corrected disclosure, a pending repair and a repaired penalty', async () => {
    await seedCredit(testbed.services, testbed.dependencies);
    const disclosures = await testbed.dataSource.getRepository(CreditDisclosure).find({ order: { id: 'ASC' } });
    expect(
      disclosures.map((disclosure) => [disclosure.creditCode, disclosure.version, disclosure.displayEndedAt !== null]),
    ).toEqual([
      ['91320106MA1P3T8K0L', 2, false],
      ['91320100MA1R5D2U0T', 1, false],
      ['91320500MA1WJ7X907', 2, true],
    ]);
    const history = await testbed.services.corrections.history(String(disclosures[0].id));
    expect(history!.revisions.map((revision) => revision.kind)).toEqual(['PUBLISHED', 'CORRECTED']);
    const applications = await testbed.services.repairs.list(
      SYSTEM_SCOPE,
      { state: null, regionCode: null },
      pageRequest({ first: 10 }),
    );
    expect(applications.edges.map((edge) => [edge.node.creditCode, edge.node.state])).toEqual([
      ['91320500MA1WJ7X907', 'APPROVED'],
      ['91320100MA1R5D2U0T', 'PENDING'],
    ]);
    // The repaired fine no longer counts; the pending one does (-10 for 15,000 yuan).
    const profile = (code: string) => testbed.services.profiles.profileOf(testbed.dataSource.manager, code);
    expect(await profile('91320500MA1WJ7X907')).toMatchObject({ score: 100, recordCount: 1 });
    expect(await profile('91320100MA1R5D2U0T')).toMatchObject({ score: 90 });
  });
});
