import { regionScopeOf, type RegionScope } from '../../../platform/auth/region-scope';
import { pageRequest } from '../../../platform/graphql/connection';
import type { EventPayloads } from '../../../platform/outbox/domain-event';
import { identityOf } from '../../../platform/testing/callers';
import { expectDomainError } from '../../../platform/testing/expect-domain-error';
import { testbedPerTest, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { caseDecided, enterpriseRegistered, permitIssued } from '../credit.fixture';
import { creditSubgraph } from '../credit.subgraph';
import { CreditDisclosure } from './credit-disclosure.entity';
import { DisclosureKind } from './disclosure-kind';

const NANJING = '91320102MA1MY0R10Q';
const KUNSHAN = '91320583MA1NQ2W40E';
const HANGZHOU = '91330102MA2CE6F00H';
const JIANGSU: RegionScope = regionScopeOf(identityOf('js-credit-officer', '320000', 'credit-officer'));
const ZHEJIANG: RegionScope = regionScopeOf(identityOf('zj-credit-officer', '330000', 'credit-officer'));
const FIRST_20 = pageRequest({ first: 20 });

describe('credit disclosures (双公示)', () => {
  let testbed: TestbedOf<typeof creditSubgraph>;
  let now = new Date('2026-03-02T07:00:00Z');
  let environment: Record<string, string> = {};
  const reopen = testbedPerTest(
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

  const disclosures = () => testbed.dataSource.getRepository(CreditDisclosure).find({ order: { id: 'ASC' } });
  const publications = async () =>
    (await testbed.outboxMessages())
      .filter((message) => message.type === 'credit.disclosure-published')
      .map((message) => message.envelope.payload as EventPayloads['credit.disclosure-published']);
  const search = (filter: Partial<{ creditCode: string; name: string; kind: DisclosureKind }>, first = 20) =>
    testbed.services.disclosures.search(
      { creditCode: filter.creditCode ?? null, name: filter.name ?? null, kind: filter.kind ?? null },
      pageRequest({ first }),
    );

  describe('built from the departments’ decisions', () => {
    it('turns permit.issued into a licence disclosure with the 双公示 fields, once per event and per permit', async () => {
      const event = permitIssued();
      expect(await testbed.deliver(event)).toBe('applied');
      expect(await testbed.deliver(event)).toBe('duplicate');
      // Republished under a new event id: still one disclosure.
      await testbed.deliver(permitIssued());
      const [licence, ...others] = await disclosures();
      expect(others).toEqual([]);
      expect(licence).toMatchObject({
        kind: DisclosureKind.ADMINISTRATIVE_LICENSE,
        counterpartName: '南京顺达货运有限公司',
        creditCode: NANJING,
        documentNumber: '320102HY20260302001',
        matter: '道路货物运输经营许可',
        legalBasis: '道路运输条例; 道路货物运输及站场管理规定',
        authorityName: '南京市玄武区交通运输局',
        authorityCode: '320102',
        validFrom: '2026-03-02',
        validUntil: '2030-03-01',
        publishedAt: null,
        // Public while the licence is valid: to the end of its last day in Beijing.
        publicUntil: new Date('2030-03-01T16:00:00Z'),
      });
      expect(licence.content).toContain('有效期2026-03-02至2030-03-01');
    });

    it('turns a penalty against an enterprise into a disclosure named from the registry, public for a year by default', async () => {
      await testbed.deliver(enterpriseRegistered());
      const event = caseDecided({ penalty: 'FINE', fineFen: 500_000 });
      await testbed.deliver(event);
      expect(await testbed.deliver(event)).toBe('duplicate');
      await testbed.deliver(caseDecided({ penalty: 'FINE', fineFen: 500_000 }));
      const [penalty, ...others] = await disclosures();
      expect(others).toEqual([]);
      expect(penalty).toMatchObject({
        kind: DisclosureKind.ADMINISTRATIVE_PENALTY,
        counterpartName: '南京顺达货运有限公司',
        creditCode: NANJING,
        documentNumber: '3201022026000001',
        matter: '未按规定进行车辆技术等级评定，擅自从事道路货物运输经营',
        legalBasis: '《中华人民共和国行政处罚法》;《中华人民共和国道路运输条例》',
        content: '罚款人民币5,000.00元。责令改正，处罚款人民币伍仟元。',
        penaltyKind: 'FINE',
        fineFen: 500_000,
        authorityName: '南京市玄武区交通运输局',
        decidedAt: new Date('2026-03-02T06:00:00Z'),
        publicUntil: new Date('2027-03-02T06:00:00Z'),
      });
    });

    it('never discloses a penalty against a person, a warning, a minor fine or no penalty', async () => {
      await testbed.deliver(caseDecided({ caseNumber: '3201022026000011', creditCode: null, fineFen: 5_000_000 }));
      await testbed.deliver(caseDecided({ caseNumber: '3201022026000012', penalty: 'WARNING', fineFen: null }));
      await testbed.deliver(caseDecided({ caseNumber: '3201022026000013', penalty: 'FINE', fineFen: 99_999 }));
      await testbed.deliver(caseDecided({ caseNumber: '3201022026000014', penalty: 'NO_PENALTY', fineFen: null }));
      await testbed.deliver(caseDecided({ caseNumber: '3201022026000015', penalty: 'FINE', fineFen: 100_000 }));
      await testbed.deliver(
        caseDecided({ caseNumber: '3201022026000016', penalty: 'PERMIT_SUSPENSION', fineFen: null }),
      );
      expect((await disclosures()).map((each) => each.documentNumber)).toEqual([
        '3201022026000015',
        '3201022026000016',
      ]);
    });

    it('follows the configured minor-fine threshold and public period', async () => {
      environment = { CREDIT_MINOR_FINE_BELOW_FEN: '200000', CREDIT_ORDINARY_MAX_MONTHS: '3' };
      await reopen({ environment, externals: { clock: () => now } });
      await testbed.deliver(caseDecided({ caseNumber: '3201022026000021', fineFen: 150_000 }));
      await testbed.deliver(
        caseDecided({ caseNumber: '3201022026000022', fineFen: 200_000, decidedAt: '2026-11-30T06:00:00.000Z' }),
      );
      const [only, ...others] = await disclosures();
      expect(others).toEqual([]);
      // Three months from 30 November is the last day of February.
      expect(only).toMatchObject({ documentNumber: '3201022026000022', publicUntil: new Date('2027-02-28T06:00:00Z') });
    });
  });

  describe('published by the job within 7 working days', () => {
    it('counts the deadline on the working calendar: a Friday before the Spring Festival has until 2 March', async () => {
      now = new Date('2026-02-13T03:00:00Z');
      await testbed.deliver(enterpriseRegistered());
      await testbed.deliver(caseDecided({ decidedAt: '2026-02-13T02:00:00.000Z' }));
      const [before] = await disclosures();
      // 14 Feb is a make-up working day, 15-23 Feb the holiday, 28 Feb a make-up working day.
      expect(before).toMatchObject({ publicationDeadline: '2026-03-02', publishedAt: null });
      expect(await search({ creditCode: NANJING })).toMatchObject({ totalCount: 0 });

      now = new Date('2026-02-13T03:00:30Z');
      expect(await testbed.services.disclosures.publishDue()).toBe(1);
      expect(await testbed.services.disclosures.publishDue()).toBe(0);
      const [after] = await disclosures();
      expect(after.publishedAt).toEqual(now);
      expect(after.publishedAt!.getTime()).toBeLessThanOrEqual(new Date('2026-03-02T16:00:00Z').getTime());
      expect(await testbed.services.disclosures.overdue(JIANGSU, null, FIRST_20)).toMatchObject({ totalCount: 0 });
      expect((await search({ creditCode: NANJING })).edges.map((edge) => edge.node.documentNumber)).toEqual([
        '3201022026000001',
      ]);
      // Statistics hears of the publication, on time, in the publishing transaction.
      expect(await publications()).toEqual([
        {
          disclosureId: String(after.id),
          kind: 'ADMINISTRATIVE_PENALTY',
          regionCode: '320102',
          decidedAt: '2026-02-13T02:00:00.000Z',
          publishBy: after.publishBy.toISOString(),
          publishedAt: now.toISOString(),
          late: false,
          overdueCounted: false,
        },
      ]);
    });

    it('publishes at once when the background work starts, and again every interval', async () => {
      await testbed.deliver(permitIssued());
      const stop = creditSubgraph.startBackgroundWork!(testbed.services, testbed.dependencies, testbed.settings);
      try {
        await stop();
      } finally {
        await stop();
      }
      const [licence] = await disclosures();
      expect(licence.publishedAt).toEqual(now);
    });

    it('shows credit officers of the region what missed its deadline: unpublished, or published late', async () => {
      // A penalty whose counterpart credit does not know yet cannot be published without a name.
      await testbed.deliver(caseDecided({ caseNumber: '3205832026000001', creditCode: KUNSHAN, regionCode: '320583' }));
      await testbed.deliver(
        caseDecided({ caseNumber: '3301022026000001', creditCode: HANGZHOU, regionCode: '330102' }),
      );
      expect(await testbed.services.disclosures.publishDue()).toBe(0);
      const overdue = () => testbed.services.disclosures.overdue(JIANGSU, null, FIRST_20);
      expect(await overdue()).toMatchObject({ totalCount: 0 });

      // The deadline (7 working days after Monday 2 March) is 11 March; on the 12th it is overdue.
      now = new Date('2026-03-12T01:00:00Z');
      const late = await overdue();
      expect(late.edges.map((edge) => edge.node)).toEqual([
        expect.objectContaining({
          documentNumber: '3205832026000001',
          publicationDeadline: '2026-03-11',
          publishedAt: null,
        }),
      ]);
      expect(await testbed.services.disclosures.overdue(JIANGSU, '320100', FIRST_20)).toMatchObject({ totalCount: 0 });
      expect(
        (await testbed.services.disclosures.overdue(ZHEJIANG, null, FIRST_20)).edges.map(
          (edge) => edge.node.documentNumber,
        ),
      ).toEqual(['3301022026000001']);
      // Outside the officer's region: nothing, as if none existed.
      expect(await testbed.services.disclosures.overdue(ZHEJIANG, '320000', FIRST_20)).toMatchObject({ totalCount: 0 });

      // Statistics is told of both once, as overdue unpublished.
      expect(await testbed.services.disclosures.reportOverdue()).toBe(2);
      expect(await testbed.services.disclosures.reportOverdue()).toBe(0);
      const overdueEvents = (await testbed.outboxMessages()).filter(
        (message) => message.type === 'credit.disclosure-overdue',
      );
      expect(overdueEvents.map((message) => message.envelope.payload)).toEqual([
        expect.objectContaining({
          kind: 'ADMINISTRATIVE_PENALTY',
          regionCode: '320583',
          publishBy: '2026-03-11T16:00:00.000Z',
        }),
        expect.objectContaining({ regionCode: '330102' }),
      ]);

      // The name arrives; the job publishes it, late, and it stays on the overdue list.
      await testbed.deliver(enterpriseRegistered({ creditCode: KUNSHAN, name: '昆山通达物流有限公司' }));
      expect(await testbed.services.disclosures.publishDue()).toBe(1);
      expect((await overdue()).edges.map((edge) => edge.node)).toEqual([
        expect.objectContaining({
          documentNumber: '3205832026000001',
          counterpartName: '昆山通达物流有限公司',
          publishedAt: now,
        }),
      ]);
      expect((await publications()).map((event) => [event.regionCode, event.late, event.overdueCounted])).toEqual([
        ['320583', true, true],
      ]);
      await expectDomainError(testbed.services.disclosures.overdue(JIANGSU, '32', FIRST_20), {
        code: 'BAD_USER_INPUT',
        field: 'regionCode',
      });
    });
  });

  describe('searched by the public', () => {
    beforeEach(async () => {
      await testbed.deliver(enterpriseRegistered());
      await testbed.deliver(enterpriseRegistered({ creditCode: KUNSHAN, name: '昆山通达物流有限公司' }));
      await testbed.deliver(permitIssued());
      await testbed.deliver(caseDecided());
      await testbed.deliver(caseDecided({ caseNumber: '3205832026000001', creditCode: KUNSHAN, regionCode: '320583' }));
      await testbed.services.disclosures.publishDue();
      // Decided later, not yet published: not public.
      await testbed.deliver(caseDecided({ caseNumber: '3201022026000099' }));
    });

    it('finds published disclosures by credit code, name prefix and kind, newest first', async () => {
      const numbers = async (filter: Parameters<typeof search>[0]) =>
        (await search(filter)).edges.map((edge) => edge.node.documentNumber);
      expect(await numbers({})).toEqual(['3205832026000001', '3201022026000001', '320102HY20260302001']);
      expect(await numbers({ creditCode: NANJING })).toEqual(['3201022026000001', '320102HY20260302001']);
      expect(await numbers({ name: '南京顺达' })).toEqual(['3201022026000001', '320102HY20260302001']);
      expect(await numbers({ name: '昆山' })).toEqual(['3205832026000001']);
      expect(await numbers({ name: '顺达' })).toEqual([]);
      expect(await numbers({ creditCode: NANJING, kind: DisclosureKind.ADMINISTRATIVE_LICENSE })).toEqual([
        '320102HY20260302001',
      ]);
    });

    it('pages with first and after', async () => {
      const first = await search({}, 2);
      expect(first).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
      const next = await testbed.services.disclosures.search(
        { creditCode: null, name: null, kind: null },
        pageRequest({ first: 2, after: first.pageInfo.endCursor }),
      );
      expect(next.edges.map((edge) => edge.node.documentNumber)).toEqual(['320102HY20260302001']);
      expect(next.pageInfo.hasNextPage).toBe(false);
    });

    it('stops showing a penalty when its public period ends', async () => {
      now = new Date('2027-03-03T00:00:00Z');
      expect((await search({})).edges.map((edge) => edge.node.documentNumber)).toEqual(['320102HY20260302001']);
    });

    it('refuses a malformed credit code and a name that is too short or holds wildcards', async () => {
      await expectDomainError(search({ creditCode: '91320102MA1MY0R10X' }), {
        code: 'BAD_USER_INPUT',
        field: 'creditCode',
      });
      await expectDomainError(search({ name: '南' }), { code: 'BAD_USER_INPUT', field: 'name' });
      await expectDomainError(search({ name: '南京%' }), { code: 'BAD_USER_INPUT', field: 'name' });
    });
  });
});
