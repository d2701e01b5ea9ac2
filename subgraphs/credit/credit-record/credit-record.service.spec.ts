import { regionScopeOf, SYSTEM_SCOPE, type RegionScope } from '../../../platform/auth/region-scope';
import { pageRequest } from '../../../platform/graphql/connection';
import { InboxEvent } from '../../../platform/outbox/inbox-event.entity';
import { identityOf } from '../../../platform/testing/callers';
import { expectDomainError } from '../../../platform/testing/expect-domain-error';
import { openSubgraphTestbed, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { caseDecided } from '../credit.fixture';
import { creditSubgraph } from '../credit.subgraph';
import { CreditRecordKind, CreditRecordSource } from './credit-record-kind';
import { CreditRecord } from './credit-record.entity';
import type { RecordCreditInput } from './inputs/record-credit.input';

const CARRIER = '91320102MA1MY0R10Q';
const KUNSHAN = '91320583MA1NQ2W40E';
const HANGZHOU = '91330102MA2CE6F00H';
const JIANGSU: RegionScope = regionScopeOf(identityOf('js-credit-officer', '320000', 'credit-officer'));
const OFFICER = 'js-credit-officer';

function manual(overrides: Partial<RecordCreditInput> = {}): RecordCreditInput {
  return {
    creditCode: KUNSHAN,
    kind: CreditRecordKind.COMMENDATION,
    regionCode: '320583',
    summary: '被评为年度安全生产先进单位。',
    decidedAt: new Date('2026-05-20T02:00:00Z'),
    sourceReference: '昆交表〔2026〕1号',
    ...overrides,
  };
}

describe('credit records', () => {
  let testbed: TestbedOf<typeof creditSubgraph>;
  beforeEach(async () => {
    testbed = await openSubgraphTestbed(creditSubgraph);
  });
  afterEach(async () => {
    await testbed.close();
  });

  const records = () => testbed.dataSource.getRepository(CreditRecord).find({ order: { id: 'ASC' } });

  describe('entered by a credit officer', () => {
    it('records a commendation and a dishonesty with their default deltas and answers the profile with them counted', async () => {
      const commended = await testbed.services.records.record(JIANGSU, manual(), OFFICER);
      expect(commended.record).toMatchObject({
        creditCode: KUNSHAN,
        kind: CreditRecordKind.COMMENDATION,
        source: CreditRecordSource.MANUAL,
        sourceReference: '昆交表〔2026〕1号',
        regionCode: '320583',
        scoreDelta: 5,
        recordedBy: OFFICER,
      });
      expect(commended.profile).toEqual({ creditCode: KUNSHAN, score: 100, rating: 'A', recordCount: 1 });

      const dishonest = await testbed.services.records.record(
        JIANGSU,
        manual({
          kind: CreditRecordKind.DISHONESTY,
          summary: '提交虚假材料。',
          sourceReference: '昆交信认〔2026〕2号',
        }),
        OFFICER,
      );
      expect(dishonest.record.scoreDelta).toBe(-30);
      expect(dishonest.profile).toEqual({ creditCode: KUNSHAN, score: 75, rating: 'B', recordCount: 2 });
      expect((await records()).map((record) => record.summary)).toEqual([
        '被评为年度安全生产先进单位。',
        '提交虚假材料。',
      ]);
    });

    it('takes the delta the officer states, and numbers a record whose officer gives no reference', async () => {
      const { record } = await testbed.services.records.record(
        JIANGSU,
        manual({ kind: CreditRecordKind.ADMINISTRATIVE_PENALTY, scoreDelta: -15, sourceReference: null }),
        OFFICER,
      );
      expect(record.scoreDelta).toBe(-15);
      expect(record.sourceReference).toMatch(/^XY320583\d{8}\d{6}$/);
    });

    it('refuses a bad credit code naming creditCode, and writes nothing', async () => {
      const error = await expectDomainError(
        testbed.services.records.record(JIANGSU, manual({ creditCode: '91320583MA1NQ2W40F' }), OFFICER),
      );
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'creditCode' });
      expect(error.message).toMatch(/check character/);
      expect(await records()).toEqual([]);
    });

    it.each([
      ['regionCode', { regionCode: '329999' }, /GB\/T 2260/],
      ['summary', { summary: '   ' }, /must not be empty/],
      ['decidedAt', { decidedAt: new Date(Date.now() + 86_400_000) }, /future/],
      ['decidedAt', { decidedAt: new Date('not a date') }, /date and time/],
      [
        'scoreDelta',
        { kind: CreditRecordKind.ADMINISTRATIVE_PENALTY, scoreDelta: null },
        /required for ADMINISTRATIVE_PENALTY/,
      ],
      ['scoreDelta', { kind: CreditRecordKind.DISHONESTY, scoreDelta: -101 }, /between -100 and 10/],
      ['scoreDelta', { kind: CreditRecordKind.COMMENDATION, scoreDelta: 11 }, /between -100 and 10/],
      ['scoreDelta', { kind: CreditRecordKind.DISHONESTY, scoreDelta: 3 }, /not be positive/],
      ['sourceReference', { sourceReference: 'x'.repeat(65) }, /at most 64/],
    ] as Array<[string, Partial<RecordCreditInput>, RegExp]>)(
      'refuses a bad %s and writes nothing',
      async (field, overrides, problem) => {
        const error = await expectDomainError(testbed.services.records.record(JIANGSU, manual(overrides), OFFICER));
        expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
        expect(error.message).toMatch(problem);
        expect(await records()).toEqual([]);
      },
    );

    it('refuses an officer recording for an authority outside their region', async () => {
      const error = await expectDomainError(
        testbed.services.records.record(JIANGSU, manual({ creditCode: HANGZHOU, regionCode: '330102' }), OFFICER),
      );
      expect(error.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(await records()).toEqual([]);
    });

    it('refuses a second manual record on the same reference with CONFLICT, keeping the first', async () => {
      await testbed.services.records.record(JIANGSU, manual(), OFFICER);
      const error = await expectDomainError(
        testbed.services.records.record(
          JIANGSU,
          manual({ creditCode: CARRIER, regionCode: '320102', summary: '重复录入' }),
          OFFICER,
        ),
      );
      expect(error.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CREDIT_RECORD_EXISTS' });
      expect((await records()).map((record) => [record.creditCode, record.summary])).toEqual([
        [KUNSHAN, '被评为年度安全生产先进单位。'],
      ]);
    });
  });

  describe('from enforcement decisions (case.decided)', () => {
    it('turns a fine into one penalty record carrying the decision, with the fine band’s deduction', async () => {
      const envelope = caseDecided({
        caseNumber: '3205832026000007',
        regionCode: '320583',
        creditCode: KUNSHAN,
        fineFen: 1_000_000,
        summary: '处罚款人民币壹万元。',
      });
      expect(await testbed.deliver(envelope)).toBe('applied');
      const [record, ...others] = await records();
      expect(others).toEqual([]);
      expect(record).toMatchObject({
        creditCode: KUNSHAN,
        kind: CreditRecordKind.ADMINISTRATIVE_PENALTY,
        source: CreditRecordSource.ENFORCEMENT_DECISION,
        sourceReference: '3205832026000007',
        regionCode: '320583',
        summary: '处罚款人民币壹万元。',
        scoreDelta: -10,
        recordedBy: 'enforcement',
      });
      expect(record.decidedAt.toISOString()).toBe(envelope.payload.decidedAt);
      expect(await testbed.services.profiles.profileOf(testbed.dataSource.manager, KUNSHAN)).toEqual({
        creditCode: KUNSHAN,
        score: 90,
        rating: 'A',
        recordCount: 1,
      });
    });

    it('adds nothing when the same event is redelivered or the same decision arrives under a new event id', async () => {
      const envelope = caseDecided();
      expect(await testbed.deliver(envelope)).toBe('applied');
      const first = await records();
      expect(await testbed.deliver(envelope)).toBe('duplicate');
      expect(await testbed.deliver(caseDecided({ summary: '同一决定再次发布' }))).toBe('applied');
      expect(await records()).toEqual(first);
      expect(await testbed.dataSource.getRepository(InboxEvent).count()).toBe(2);
    });

    it('records nothing for a decision to impose no penalty or one against no enterprise', async () => {
      expect(
        await testbed.deliver(caseDecided({ caseNumber: '3201022026000002', penalty: 'NO_PENALTY', fineFen: null })),
      ).toBe('applied');
      expect(
        await testbed.deliver(
          caseDecided({ caseNumber: '3201022026000003', creditCode: null, plateNumber: '苏A12345' }),
        ),
      ).toBe('applied');
      expect(await records()).toEqual([]);
    });

    it('adds the deductions of several decisions up into the score and rating', async () => {
      await testbed.deliver(caseDecided({ caseNumber: '3201022026000004', fineFen: 5_000_000 }));
      await testbed.deliver(
        caseDecided({ caseNumber: '3201022026000005', penalty: 'PERMIT_REVOCATION', fineFen: null }),
      );
      expect(await testbed.services.profiles.profileOf(testbed.dataSource.manager, CARRIER)).toEqual({
        creditCode: CARRIER,
        score: 40,
        rating: 'D',
        recordCount: 2,
      });
    });

    it('keeps a decision and a manual record with the same number apart: uniqueness is per source', async () => {
      await testbed.services.records.record(SYSTEM_SCOPE, manual({ sourceReference: '3205832026000009' }), OFFICER);
      await testbed.deliver(caseDecided({ caseNumber: '3205832026000009', creditCode: KUNSHAN, regionCode: '320583' }));
      expect((await records()).map((record) => record.source)).toEqual([
        CreditRecordSource.MANUAL,
        CreditRecordSource.ENFORCEMENT_DECISION,
      ]);
    });
  });

  describe('listed', () => {
    beforeEach(async () => {
      await testbed.deliver(caseDecided({ caseNumber: '3201022026000011', creditCode: CARRIER, regionCode: '320102' }));
      await testbed.deliver(caseDecided({ caseNumber: '3205832026000012', creditCode: KUNSHAN, regionCode: '320583' }));
      await testbed.services.records.record(SYSTEM_SCOPE, manual(), OFFICER);
      await testbed.services.records.record(
        SYSTEM_SCOPE,
        manual({ creditCode: HANGZHOU, regionCode: '330102', sourceReference: '杭上交表〔2026〕1号' }),
        OFFICER,
      );
    });

    it('by deciding region (a province includes its counties) and kind, newest first', async () => {
      const list = (regionCode: string | null, kind: CreditRecordKind | null) =>
        testbed.services.records
          .list({ regionCode, kind }, pageRequest({}))
          .then((page) => [page.totalCount, page.edges.map((edge) => edge.node.sourceReference)]);
      expect(await list('320000', null)).toEqual([3, ['昆交表〔2026〕1号', '3205832026000012', '3201022026000011']]);
      expect(await list('320000', CreditRecordKind.ADMINISTRATIVE_PENALTY)).toEqual([
        2,
        ['3205832026000012', '3201022026000011'],
      ]);
      expect(await list('320583', null)).toEqual([2, ['昆交表〔2026〕1号', '3205832026000012']]);
      expect(await list(null, CreditRecordKind.COMMENDATION)).toEqual([
        2,
        ['杭上交表〔2026〕1号', '昆交表〔2026〕1号'],
      ]);
    });

    it('a page at a time with cursors, and refuses a bad region filter', async () => {
      const first = await testbed.services.records.list({ regionCode: null, kind: null }, pageRequest({ first: 3 }));
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await testbed.services.records.list(
        { regionCode: null, kind: null },
        pageRequest({ first: 3, after: first.pageInfo.endCursor }),
      );
      expect(second).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: false, hasPreviousPage: true } });
      expect(second.edges.map((edge) => edge.node.sourceReference)).toEqual(['3201022026000011']);
      const error = await expectDomainError(
        testbed.services.records.list({ regionCode: '32', kind: null }, pageRequest({})),
      );
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'regionCode' });
    });
  });
});
