import { regionScopeOf, type RegionScope } from '../../../platform/auth/region-scope';
import type { EventPayloads } from '../../../platform/outbox/domain-event';
import { envelopeOf } from '../../../platform/testing/event-envelopes';
import { identityOf } from '../../../platform/testing/callers';
import { expectDomainError } from '../../../platform/testing/expect-domain-error';
import { pageRequest } from '../../../platform/graphql/connection';
import { openSubgraphTestbed, testbedPerTest, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { caseDecided, enterpriseRegistered } from '../credit.fixture';
import { CreditRecordKind } from '../credit-record/credit-record-kind';
import { creditSubgraph } from '../credit.subgraph';
import { CreditList, ListRemovalReason } from './credit-list';
import { CreditListEntry } from './credit-list-entry.entity';
import type { ListCreditSubjectInput } from './inputs/list-credit-subject.input';
import { ListCriterion } from './list-criteria';
import { createCreditLists } from './credit-list.module';
import type { CreditChange } from '../national-platform/credit-change';

const NANJING = '91320102MA1MY0R10Q';
const KUNSHAN = '91320583MA1NQ2W40E';
const HANGZHOU = '91330102MA2CE6F00H';
const JIANGSU: RegionScope = regionScopeOf(identityOf('js-credit-officer', '320000', 'credit-officer'));
const OFFICER = 'js-credit-officer';

function permitRevoked(
  payload: Partial<EventPayloads['permit.status-changed']> = {},
): ReturnType<typeof envelopeOf<'permit.status-changed'>> {
  return envelopeOf(
    'permit.status-changed',
    {
      permitNumber: '320102HY20260302001',
      creditCode: NANJING,
      regionCode: '320102',
      fromStatus: 'VALID',
      toStatus: 'REVOKED',
      caseNumber: null,
      changedAt: '2026-03-02T06:00:00.000Z',
      ...payload,
    },
    'licensing',
  );
}

function officerListing(overrides: Partial<ListCreditSubjectInput> = {}): ListCreditSubjectInput {
  return {
    creditCode: KUNSHAN,
    criterion: ListCriterion.FRAUDULENT_LICENSING,
    regionCode: '320583',
    documentNumbers: ['昆交信认〔2026〕3号'],
    reason: '以虚假车辆技术等级评定材料取得道路货物运输经营许可，经认定列入。',
    ...overrides,
  };
}

describe('credit lists (信用名单)', () => {
  let testbed: TestbedOf<typeof creditSubgraph>;
  let now = new Date('2026-03-02T07:00:00Z');
  let environment: Record<string, string> = {};
  testbedPerTest(
    creditSubgraph,
    (opened) => {
      testbed = opened;
    },
    () => ({ environment, externals: { clock: () => now } }),
  );
  beforeEach(() => {
    now = new Date('2026-03-02T07:00:00Z');
    environment = {};
  });

  const entries = () => testbed.dataSource.getRepository(CreditListEntry).find({ order: { id: 'ASC' } });
  const decisionsOf = (entry: CreditListEntry) =>
    testbed.services.lists
      .createDecisionsLoader()
      .load(entry.id)
      .then((rows) => rows.map((row) => row.documentNumber));
  const historyOf = (entry: CreditListEntry) => testbed.services.lists.createHistoryLoader().load(entry.id);
  const listEvents = async () =>
    (await testbed.outboxMessages())
      .filter((message) => message.type === 'credit.list-changed' && message.subscriber === 'licensing')
      .map((message) => ({
        subscriber: message.subscriber,
        payload: message.envelope.payload as EventPayloads['credit.list-changed'],
      }));

  describe('from revoked permits (PERMIT_REVOKED)', () => {
    it('lists the holder when a reviewer revokes a permit, for three years, and tells licensing', async () => {
      expect(await testbed.deliver(permitRevoked())).toBe('applied');
      const [entry, ...others] = await entries();
      expect(others).toEqual([]);
      expect(entry).toMatchObject({
        list: CreditList.SERIOUS_DISHONESTY,
        creditCode: NANJING,
        criterion: ListCriterion.PERMIT_REVOKED,
        regionCode: '320102',
        removedAt: null,
        removalReason: null,
        listedBy: 'system',
        version: 1,
      });
      expect(entry.startedAt.toISOString()).toBe('2026-03-02T06:00:00.000Z');
      expect(entry.plannedRemovalAt.toISOString()).toBe('2029-03-02T06:00:00.000Z');
      expect(await decisionsOf(entry)).toEqual(['320102HY20260302001']);
      expect(await historyOf(entry)).toMatchObject([
        { version: 1, action: 'LISTED', actor: 'system', reason: '许可证件 320102HY20260302001 被吊销' },
      ]);
      expect(await listEvents()).toEqual([
        {
          subscriber: 'licensing',
          payload: {
            entryId: String(entry.id),
            version: 1,
            list: 'SERIOUS_DISHONESTY',
            creditCode: NANJING,
            listed: true,
            criterion: 'PERMIT_REVOKED',
            startedAt: '2026-03-02T06:00:00.000Z',
            plannedRemovalAt: '2029-03-02T06:00:00.000Z',
            removedAt: null,
            action: 'LISTED',
            regionCode: '320102',
            removalReason: null,
          },
        },
      ]);
    });

    it('lists one revocation once: its case decision and the permit’s status change make one entry naming both', async () => {
      const decision = caseDecided({
        caseNumber: '3201022026000021',
        penalty: 'PERMIT_REVOCATION',
        fineFen: null,
        permitNumber: '320102HY20260302001',
      });
      await testbed.deliver(decision);
      const change = permitRevoked({ caseNumber: '3201022026000021' });
      await testbed.deliver(change);
      await testbed.deliver(change);
      await testbed.deliver(permitRevoked({ caseNumber: '3201022026000021' }));
      await testbed.deliver(caseDecided({ ...decision.payload }));
      const [entry, ...others] = await entries();
      expect(others).toEqual([]);
      expect(entry.version).toBe(1);
      expect(await decisionsOf(entry)).toEqual(['3201022026000021', '320102HY20260302001']);
      expect((await listEvents()).length).toBe(1);
    });

    it('adds the case to an entry a reviewer’s revocation opened when the decision arrives after it', async () => {
      await testbed.deliver(permitRevoked());
      await testbed.deliver(
        caseDecided({
          caseNumber: '3201022026000022',
          penalty: 'PERMIT_REVOCATION',
          fineFen: null,
          permitNumber: '320102HY20260302001',
        }),
      );
      const [entry, ...others] = await entries();
      expect(others).toEqual([]);
      expect(entry.version).toBe(2);
      expect(await decisionsOf(entry)).toEqual(['320102HY20260302001', '3201022026000022']);
      expect((await historyOf(entry)).map((change) => change.action)).toEqual(['LISTED', 'DECISION_ADDED']);
    });

    it('lists nothing for a suspension or a restoration', async () => {
      await testbed.deliver(permitRevoked({ toStatus: 'SUSPENDED' }));
      await testbed.deliver(permitRevoked({ fromStatus: 'SUSPENDED', toStatus: 'VALID' }));
      expect(await entries()).toEqual([]);
    });
  });

  describe('from repeated serious overloads (REPEATED_SERIOUS_OVERLOAD)', () => {
    const overload = (caseNumber: string, decidedAt: string, overloadExcessPercent: number | null = 35.2) =>
      caseDecided({ caseNumber, decidedAt, overloadExcessPercent, creditCode: KUNSHAN, regionCode: '320583' });

    it('lists on the third penalised overload within 12 months, naming the three cases, and counts each once', async () => {
      await testbed.deliver(overload('3205832026000001', '2026-01-05T02:00:00.000Z'));
      // A case filed by an officer (no weigh-station records) is not counted.
      await testbed.deliver(overload('3205832026000002', '2026-02-05T02:00:00.000Z', null));
      await testbed.deliver(overload('3205832026000003', '2026-03-05T02:00:00.000Z'));
      // Redelivered under a new id: still one overload.
      await testbed.deliver(overload('3205832026000003', '2026-03-05T02:00:00.000Z'));
      expect(await entries()).toEqual([]);
      await testbed.deliver(overload('3205832026000004', '2026-12-01T02:00:00.000Z'));
      const [entry, ...others] = await entries();
      expect(others).toEqual([]);
      expect(entry).toMatchObject({ criterion: ListCriterion.REPEATED_SERIOUS_OVERLOAD, regionCode: '320583' });
      expect(entry.startedAt.toISOString()).toBe('2026-12-01T02:00:00.000Z');
      expect(await decisionsOf(entry)).toEqual(['3205832026000001', '3205832026000003', '3205832026000004']);
      // The cases behind a listing do not list the subject again with the next overload.
      await testbed.deliver(overload('3205832026000005', '2026-12-10T02:00:00.000Z'));
      expect(await entries()).toHaveLength(1);
    });

    it('follows the configured count, window and seriousness', async () => {
      environment = { CREDIT_LIST_OVERLOAD_COUNT: '2', CREDIT_LIST_SERIOUS_OVERLOAD_PERCENT: '30' };
      const reopened = await openSubgraphTestbed(creditSubgraph, { environment, externals: { clock: () => now } });
      try {
        await reopened.deliver(overload('3205832026000011', '2026-01-05T02:00:00.000Z', 12));
        await reopened.deliver(overload('3205832026000012', '2026-01-06T02:00:00.000Z', 31));
        expect(await reopened.dataSource.getRepository(CreditListEntry).count()).toBe(0);
        await reopened.deliver(overload('3205832026000013', '2026-01-07T02:00:00.000Z', 30));
        expect(await reopened.dataSource.getRepository(CreditListEntry).count()).toBe(1);
      } finally {
        await reopened.close();
      }
    });
  });

  describe('by credit officers', () => {
    beforeEach(async () => {
      await testbed.deliver(
        enterpriseRegistered({ creditCode: KUNSHAN, name: '昆山通达货运有限公司', regionCode: '320583' }),
      );
      await testbed.deliver(
        enterpriseRegistered({ creditCode: HANGZHOU, name: '杭州上城客运有限公司', regionCode: '330102' }),
      );
    });

    it('lists within the officer’s region with the reasons in the history, and removes with reasons', async () => {
      const listed = await testbed.services.lists.listByOfficer(JIANGSU, officerListing(), OFFICER);
      expect(listed).toMatchObject({ criterion: 'FRAUDULENT_LICENSING', listedBy: OFFICER, version: 1 });
      expect(listed.startedAt.toISOString()).toBe('2026-03-02T07:00:00.000Z');
      expect(listed.plannedRemovalAt.toISOString()).toBe('2029-03-02T07:00:00.000Z');
      const removed = await testbed.services.lists.removeByOfficer(
        JIANGSU,
        { entryId: listed.id, expectedVersion: 1, reason: '复核认定依据不足，予以移出。' },
        OFFICER,
      );
      expect(removed).toMatchObject({ version: 2, removalReason: ListRemovalReason.REMOVED_BY_OFFICER });
      expect(removed.removedAt?.toISOString()).toBe('2026-03-02T07:00:00.000Z');
      expect(
        (await historyOf(listed)).map((change) => [change.version, change.action, change.actor, change.reason]),
      ).toEqual([
        [1, 'LISTED', OFFICER, '以虚假车辆技术等级评定材料取得道路货物运输经营许可，经认定列入。'],
        [2, 'REMOVED', OFFICER, '复核认定依据不足，予以移出。'],
      ]);
      expect((await listEvents()).map((event) => [event.payload.version, event.payload.listed])).toEqual([
        [1, true],
        [2, false],
      ]);
      await expectDomainError(
        testbed.services.lists.removeByOfficer(
          JIANGSU,
          { entryId: listed.id, expectedVersion: 2, reason: '再次移出' },
          OFFICER,
        ),
        { code: 'CONFLICT', reason: 'LIST_ENTRY_REMOVED' },
      );
    });

    it.each([
      ['an unknown credit code', { creditCode: '91320102MA1MY0R10Q' }, { code: 'NOT_FOUND' }],
      [
        'a malformed credit code',
        { creditCode: '91320583MA1NQ2W40F' },
        { code: 'BAD_USER_INPUT', field: 'creditCode' },
      ],
      ['no reason', { reason: null }, { code: 'BAD_USER_INPUT', field: 'reason' }],
      ['a blank reason', { reason: '  ' }, { code: 'BAD_USER_INPUT', field: 'reason' }],
      ['no decision', { documentNumbers: [] }, { code: 'BAD_USER_INPUT', field: 'documentNumbers' }],
      [
        'a resident ID as document number',
        { documentNumbers: ['320102199001011232'] },
        { code: 'BAD_USER_INPUT', field: 'documentNumbers' },
      ],
      ['an authority outside the region', { creditCode: HANGZHOU, regionCode: '330102' }, { code: 'FORBIDDEN' }],
    ] as Array<[string, Partial<ListCreditSubjectInput>, Record<string, string>]>)(
      'refuses %s and writes nothing',
      async (_case, overrides, expected) => {
        await expectDomainError(
          testbed.services.lists.listByOfficer(JIANGSU, officerListing(overrides), OFFICER),
          expected,
        );
        expect(await entries()).toEqual([]);
        expect(await listEvents()).toEqual([]);
      },
    );

    it('refuses the same listing twice, a stale version, and removing outside the region', async () => {
      const listed = await testbed.services.lists.listByOfficer(JIANGSU, officerListing(), OFFICER);
      await expectDomainError(testbed.services.lists.listByOfficer(JIANGSU, officerListing(), OFFICER), {
        code: 'CONFLICT',
        reason: 'LIST_ENTRY_EXISTS',
      });
      await expectDomainError(
        testbed.services.lists.removeByOfficer(
          JIANGSU,
          { entryId: listed.id, expectedVersion: 7, reason: '移出' },
          OFFICER,
        ),
        { code: 'CONFLICT', reason: 'STALE_VERSION' },
      );
      const zhejiang = regionScopeOf(identityOf('zj-credit-officer', '330000', 'credit-officer'));
      await expectDomainError(
        testbed.services.lists.removeByOfficer(
          zhejiang,
          { entryId: listed.id, expectedVersion: 1, reason: '移出' },
          'zj',
        ),
        { code: 'FORBIDDEN' },
      );
      await expectDomainError(
        testbed.services.lists.removeByOfficer(JIANGSU, { entryId: 999, expectedVersion: 1, reason: '移出' }, OFFICER),
        { code: 'NOT_FOUND' },
      );
      expect((await entries()).map((entry) => [entry.version, entry.removedAt])).toEqual([[1, null]]);
    });
  });

  describe('leaving the list', () => {
    it('removes entries at their planned removal date, not before, as EXPIRED', async () => {
      await testbed.deliver(permitRevoked());
      now = new Date('2029-03-02T05:59:59Z');
      expect(await testbed.services.lists.removeExpired()).toBe(0);
      now = new Date('2029-03-02T06:00:00Z');
      expect(await testbed.services.lists.removeExpired()).toBe(1);
      const [entry] = await entries();
      expect(entry).toMatchObject({ removalReason: ListRemovalReason.EXPIRED, version: 2 });
      expect(entry.removedAt?.toISOString()).toBe('2029-03-02T06:00:00.000Z');
      expect((await historyOf(entry)).map((change) => [change.action, change.actor])).toEqual([
        ['LISTED', 'system'],
        ['REMOVED', 'system'],
      ]);
      expect((await listEvents()).map((event) => event.payload.listed)).toEqual([true, false]);
      expect(await testbed.services.lists.removeExpired()).toBe(0);
    });

    it('removes the entries resting on a decision whose repair is approved, in the repair’s transaction', async () => {
      await testbed.deliver(permitRevoked({ caseNumber: '3201022026000031' }));
      await testbed.deliver(
        permitRevoked({ permitNumber: '320102HY20260302009', changedAt: '2026-03-03T06:00:00.000Z' }),
      );
      const removed = await inTransaction(testbed.dataSource, (manager) =>
        testbed.services.lists.removeForRepairedDecision(manager, '3201022026000031', 'js-credit-officer'),
      );
      expect(removed.map((entry) => entry.removalReason)).toEqual([ListRemovalReason.REPAIRED]);
      expect((await entries()).map((entry) => entry.removalReason)).toEqual([ListRemovalReason.REPAIRED, null]);
      const listed = await testbed.services.lists.list(
        { list: null, creditCode: NANJING, regionCode: null, includeRemoved: false },
        pageRequest({}),
      );
      expect(listed.edges.map((edge) => edge.node.id)).toEqual([(await entries())[1].id]);
    });
  });

  describe('good standing (守信)', () => {
    const codes = async () =>
      (await testbed.services.lists.goodStanding(pageRequest({}))).edges.map((edge) => edge.node.creditCode);

    it('is the top rating, on no list, with no penalty disclosed in the last 12 months', async () => {
      const CLEAN = '91320100MA1R5D2U0T';
      const LISTED = '91320500MA1WJ7X907';
      for (const [creditCode, name] of [
        [CLEAN, '南京大件运输有限公司'],
        [NANJING, '南京顺达货运有限公司'],
        [KUNSHAN, '昆山通达货运有限公司'],
        [LISTED, '苏州交通建设工程有限公司'],
      ])
        await testbed.deliver(enterpriseRegistered({ creditCode, name, regionCode: '320100' }));
      // NANJING: a disclosed fine (5,000 yuan) in March 2026, still rated A (score 95).
      await testbed.deliver(caseDecided({ caseNumber: '3201022026000041', decidedAt: '2026-03-01T02:00:00.000Z' }));
      // KUNSHAN: one dishonesty found (-30) rates it B.
      await testbed.services.records.record(
        JIANGSU,
        {
          creditCode: KUNSHAN,
          kind: CreditRecordKind.DISHONESTY,
          regionCode: '320583',
          summary: '提交虚假材料。',
          decidedAt: new Date('2026-01-01T00:00:00Z'),
          sourceReference: '昆交信认〔2026〕9号',
        },
        OFFICER,
      );
      await testbed.deliver(
        permitRevoked({ creditCode: LISTED, permitNumber: '320500JS20260101001', regionCode: '320500' }),
      );
      expect(await codes()).toEqual([CLEAN]);
      // A year and a day after the fine it no longer counts against the subject.
      now = new Date('2027-03-02T02:00:00Z');
      expect(await codes()).toEqual([CLEAN, NANJING]);
      const page = await testbed.services.lists.goodStanding(pageRequest({ first: 1 }));
      expect(page).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
      const next = await testbed.services.lists.goodStanding(pageRequest({ first: 1, after: page.pageInfo.endCursor }));
      expect(
        next.edges.map((edge) => [edge.node.creditCode, edge.node.name, edge.node.rating, edge.node.score]),
      ).toEqual([[NANJING, '南京顺达货运有限公司', 'A', 95]]);
    });
  });

  describe('for the national credit platform', () => {
    const withSink = (record: (change: CreditChange) => Promise<void>) =>
      createCreditLists({
        dataSource: testbed.dataSource,
        outbox: testbed.dependencies.outbox,
        changes: { record: (_manager, change) => record(change) },
        settings: testbed.settings.lists,
        clock: () => now,
      });

    it('records every version of an entry as a LIST_ENTRY change with public facts only', async () => {
      const changes: CreditChange[] = [];
      const lists = withSink((change) => {
        changes.push(change);
        return Promise.resolve();
      });
      const entry = await inTransaction(testbed.dataSource, (manager) =>
        lists.automaticListing.permitStatusChanged(manager, permitRevoked().payload),
      );
      await inTransaction(testbed.dataSource, (manager) =>
        lists.lists.removeForRepairedDecision(manager, '320102HY20260302001', 'js-credit-officer'),
      );
      expect(changes.map((change) => [change.recordId, change.version, change.payload.removalReason])).toEqual([
        [String(entry!.id), 1, null],
        [String(entry!.id), 2, 'REPAIRED'],
      ]);
      expect(changes[1].payload.removedAt).toBe('2026-03-02T07:00:00.000Z');
      expect(changes.slice(0, 1)).toEqual([
        {
          recordType: 'LIST_ENTRY',
          recordId: String(entry!.id),
          version: 1,
          payload: {
            list: 'SERIOUS_DISHONESTY',
            creditCode: NANJING,
            criterion: 'PERMIT_REVOKED',
            criterionDescription: '因严重违法行为被吊销道路运输经营许可证件',
            authorityCode: '320102',
            authorityName: '南京市玄武区交通运输局',
            decisions: [{ kind: 'PERMIT', documentNumber: '320102HY20260302001' }],
            startedAt: '2026-03-02T06:00:00.000Z',
            plannedRemovalAt: '2029-03-02T06:00:00.000Z',
            removedAt: null,
            removalReason: null,
          },
        },
      ]);
    });

    it('writes nothing when the change cannot be recorded: entry, history, event and change commit together', async () => {
      const lists = withSink(() => Promise.reject(new Error('national platform outbox unavailable')));
      await testbed.deliver(
        enterpriseRegistered({ creditCode: KUNSHAN, name: '昆山通达货运有限公司', regionCode: '320583' }),
      );
      await expect(lists.lists.listByOfficer(JIANGSU, officerListing(), OFFICER)).rejects.toThrow(/unavailable/);
      expect(await entries()).toEqual([]);
      expect(await listEvents()).toEqual([]);
    });
  });

  it('lists nothing by itself when no automatic criterion is configured', async () => {
    const quiet = await openSubgraphTestbed(creditSubgraph, { environment: { CREDIT_LIST_AUTOMATIC_CRITERIA: '' } });
    try {
      await quiet.deliver(permitRevoked());
      expect(await quiet.dataSource.getRepository(CreditListEntry).count()).toBe(0);
    } finally {
      await quiet.close();
    }
  });

  it('refuses an unknown automatic criterion in the settings', async () => {
    await expect(
      openSubgraphTestbed(creditSubgraph, {
        environment: { CREDIT_LIST_AUTOMATIC_CRITERIA: 'PERMIT_REVOKED,UNKNOWN' },
      }),
    ).rejects.toThrow(/CREDIT_LIST_AUTOMATIC_CRITERIA/);
  });
});
