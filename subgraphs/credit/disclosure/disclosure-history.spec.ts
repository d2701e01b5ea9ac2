import { regionScopeOf, type RegionScope } from '../../../platform/auth/region-scope';
import { identityOf } from '../../../platform/testing/callers';
import { expectDomainError } from '../../../platform/testing/expect-domain-error';
import { testbedPerTest, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { caseDecided, enterpriseRegistered, permitIssued, permitStatusChanged } from '../credit.fixture';
import { creditSubgraph } from '../credit.subgraph';
import { CreditPlatformDelivery } from '../national-platform/credit-platform-delivery.entity';
import { CreditDisclosure } from './credit-disclosure.entity';
import { DisclosureKind, DisclosureRevisionKind, LicenseStatus } from './disclosure-kind';
import { pageRequest } from '../../../platform/graphql/connection';
import { DishonestySeverity } from './publicity-rules';

const JIANGSU: RegionScope = regionScopeOf(identityOf('js-credit-officer', '320000', 'credit-officer'));
const ZHEJIANG: RegionScope = regionScopeOf(identityOf('zj-credit-officer', '330000', 'credit-officer'));

describe('disclosure versions, history and corrections', () => {
  let testbed: TestbedOf<typeof creditSubgraph>;
  let now = new Date('2026-03-02T07:00:00Z');
  testbedPerTest(
    creditSubgraph,
    (opened) => {
      testbed = opened;
    },
    () => ({ externals: { clock: () => now } }),
  );
  beforeEach(async () => {
    now = new Date('2026-03-02T07:00:00Z');
    await testbed.deliver(enterpriseRegistered());
  });

  const byNumber = (documentNumber: string) =>
    testbed.dataSource.getRepository(CreditDisclosure).findOneByOrFail({ documentNumber });
  const history = async (id: number) => (await testbed.services.corrections.history(String(id)))!.revisions;
  const shown = async () =>
    (
      await testbed.services.disclosures.search(
        { creditCode: null, name: null, kind: null },
        pageRequest({ first: 20 }),
      )
    ).edges.map((edge) => edge.node.documentNumber);

  it('records the publication as the first revision, and classifies the penalty with its periods', async () => {
    await testbed.deliver(caseDecided({ fineFen: 500_000 }));
    await testbed.deliver(caseDecided({ caseNumber: '3201022026000002', penalty: 'PERMIT_REVOCATION', fineFen: null }));
    expect(await testbed.services.disclosures.publishDue()).toBe(2);
    const ordinary = await byNumber('3201022026000001');
    expect(ordinary).toMatchObject({
      version: 1,
      severity: DishonestySeverity.ORDINARY,
      repairableFrom: new Date('2026-06-02T06:00:00Z'),
      publicUntil: new Date('2027-03-02T06:00:00Z'),
    });
    expect(await byNumber('3201022026000002')).toMatchObject({
      severity: DishonestySeverity.SERIOUS,
      repairableFrom: new Date('2027-03-02T06:00:00Z'),
      publicUntil: new Date('2029-03-02T06:00:00Z'),
    });
    expect(await history(ordinary.id)).toEqual([
      expect.objectContaining({ version: 1, kind: DisclosureRevisionKind.PUBLISHED, changes: [], reason: null }),
    ]);
  });

  it('corrects public fields with a reason as a new version, keeping what was before', async () => {
    await testbed.deliver(caseDecided());
    await testbed.services.disclosures.publishDue();
    const penalty = await byNumber('3201022026000001');
    const corrected = await testbed.services.corrections.correct(
      JIANGSU,
      {
        id: String(penalty.id),
        expectedVersion: 1,
        content: '罚款人民币5,000.00元。责令限期改正。',
        reason: '决定书内容录入有误',
      },
      'js-credit-officer',
    );
    expect(corrected).toMatchObject({ version: 2, content: '罚款人民币5,000.00元。责令限期改正。' });
    expect(await history(penalty.id)).toEqual([
      expect.objectContaining({ version: 1, kind: DisclosureRevisionKind.PUBLISHED }),
      expect.objectContaining({
        version: 2,
        kind: DisclosureRevisionKind.CORRECTED,
        reason: '决定书内容录入有误',
        actor: 'js-credit-officer',
        changes: [{ field: 'content', before: penalty.content, after: '罚款人民币5,000.00元。责令限期改正。' }],
      }),
    ]);

    // A larger fine makes it serious dishonesty, with the serious periods.
    const serious = await testbed.services.corrections.correct(
      JIANGSU,
      { id: String(penalty.id), expectedVersion: 2, fineFen: 12_000_000, reason: '罚款金额录入有误' },
      'js-credit-officer',
    );
    expect(serious).toMatchObject({
      version: 3,
      severity: DishonestySeverity.SERIOUS,
      publicUntil: new Date('2029-03-02T06:00:00Z'),
    });
  });

  it('refuses a correction without a reason, on a stale version, or outside the region, changing nothing', async () => {
    await testbed.deliver(caseDecided());
    const penalty = await byNumber('3201022026000001');
    const input = { id: String(penalty.id), expectedVersion: 1, matter: '超限运输' };
    await expectDomainError(testbed.services.corrections.correct(JIANGSU, { ...input, reason: '  ' }, 'officer'), {
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    await expectDomainError(
      testbed.services.corrections.correct(JIANGSU, { ...input, expectedVersion: 2, reason: '更正' }, 'officer'),
      { code: 'CONFLICT', reason: 'STALE_VERSION' },
    );
    await expectDomainError(testbed.services.corrections.correct(ZHEJIANG, { ...input, reason: '更正' }, 'officer'), {
      code: 'FORBIDDEN',
    });
    await expectDomainError(
      testbed.services.corrections.correct(JIANGSU, { ...input, matter: penalty.matter, reason: '更正' }, 'officer'),
      { code: 'BAD_USER_INPUT', field: 'input' },
    );
    await expectDomainError(
      testbed.services.corrections.correct(
        JIANGSU,
        { ...input, matter: '联系电话13812345678', reason: '更正' },
        'officer',
      ),
      { code: 'BAD_USER_INPUT', field: 'matter' },
    );
    expect(await byNumber('3201022026000001')).toMatchObject({ version: 1, matter: penalty.matter });
    expect(await history(penalty.id)).toEqual([]);
  });

  it('revises the licence on permit.status-changed, once, and logs a permit it does not know', async () => {
    await testbed.deliver(permitIssued());
    await testbed.services.disclosures.publishDue();
    await testbed.deliver(permitStatusChanged());
    // Republished under another event id: nothing more.
    await testbed.deliver(permitStatusChanged());
    await testbed.deliver(
      permitStatusChanged({
        fromStatus: 'SUSPENDED',
        toStatus: 'REVOKED',
        caseNumber: '3201022026000009',
        changedAt: '2026-05-01T02:00:00.000Z',
      }),
    );
    const licence = await byNumber('320102HY20260302001');
    expect(licence).toMatchObject({
      kind: DisclosureKind.ADMINISTRATIVE_LICENSE,
      version: 3,
      licenseStatus: LicenseStatus.REVOKED,
    });
    expect(licence.content).toMatch(/该许可证件于2026-05-01吊销。$/);
    expect((await history(licence.id)).map((revision) => [revision.version, revision.kind, revision.reason])).toEqual([
      [1, DisclosureRevisionKind.PUBLISHED, null],
      [2, DisclosureRevisionKind.LICENSE_SUSPENDED, null],
      [3, DisclosureRevisionKind.LICENSE_REVOKED, '行政处罚决定 3201022026000009'],
    ]);

    expect(await testbed.deliver(permitStatusChanged({ permitNumber: '320102HY20990101001' }))).toBe('applied');
    expect(testbed.warnings).toContain('permit status change for a licence credit has not disclosed');
  });

  it('numbers the pushed versions from the publication: a licence suspended before it is public starts at 1', async () => {
    await testbed.deliver(permitIssued());
    await testbed.deliver(permitStatusChanged());
    await testbed.services.disclosures.publishDue();
    await testbed.deliver(permitStatusChanged({ fromStatus: 'SUSPENDED', toStatus: 'VALID' }));
    const licence = await byNumber('320102HY20260302001');
    expect(licence.version).toBe(3);
    const pushed = await testbed.dataSource
      .getRepository(CreditPlatformDelivery)
      .find({ where: { recordType: 'DISCLOSURE', recordId: String(licence.id) }, order: { version: 'ASC' } });
    expect(
      pushed.map((delivery) => {
        const payload = JSON.parse(delivery.payload) as { recordVersion: number; licenseStatus: string };
        return [delivery.version, payload.recordVersion, payload.licenseStatus];
      }),
    ).toEqual([
      [1, 2, LicenseStatus.SUSPENDED],
      [2, 3, LicenseStatus.VALID],
    ]);
  });

  it('ends the display at the maximum period by itself, with a DISPLAY_ENDED revision', async () => {
    await testbed.deliver(caseDecided());
    await testbed.services.disclosures.publishDue();
    expect(await testbed.services.disclosures.endDueDisplays()).toBe(0);
    expect(await shown()).toEqual(['3201022026000001']);

    now = new Date('2027-03-02T06:00:00Z');
    expect(await shown()).toEqual([]);
    expect(await testbed.services.disclosures.endDueDisplays()).toBe(1);
    expect(await testbed.services.disclosures.endDueDisplays()).toBe(0);
    const penalty = await byNumber('3201022026000001');
    expect(penalty).toMatchObject({ version: 2, displayEndedAt: new Date('2027-03-02T06:00:00Z') });
    expect((await history(penalty.id)).map((revision) => revision.kind)).toEqual([
      DisclosureRevisionKind.PUBLISHED,
      DisclosureRevisionKind.DISPLAY_ENDED,
    ]);
  });
});
