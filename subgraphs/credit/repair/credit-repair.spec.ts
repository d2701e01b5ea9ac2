import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityManager } from 'typeorm';
import { regionScopeOf, type RegionScope } from '../../../platform/auth/region-scope';
import { pageRequest } from '../../../platform/graphql/connection';
import { sm3Hex } from '../../../platform/storage/file-store';
import { identityOf } from '../../../platform/testing/callers';
import { expectDomainError } from '../../../platform/testing/expect-domain-error';
import { testbedPerTest, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { caseDecided, enterpriseRegistered } from '../credit.fixture';
import { creditSubgraph } from '../credit.subgraph';
import { CreditDisclosure } from '../disclosure/credit-disclosure.entity';
import { DisclosureRevisionKind } from '../disclosure/disclosure-kind';
import type { CreditChange } from '../national-platform/credit-change';
import { DisclosureRevisions } from '../disclosure/disclosure-revisions';
import { CreditRepairAttachment } from './credit-repair-attachment.entity';
import { CreditRepairService } from './credit-repair.service';
import type { ApplyForCreditRepairInput } from './inputs/credit-repair.inputs';
import { CreditRepairState } from './repair-state';

const NANJING = '91320102MA1MY0R10Q';
const JIANGSU: RegionScope = regionScopeOf(identityOf('js-credit-officer', '320000', 'credit-officer'));
const ZHEJIANG: RegionScope = regionScopeOf(identityOf('zj-credit-officer', '330000', 'credit-officer'));
const LETTER = Buffer.from('信用承诺书：本单位承诺依法诚信经营。');
const EVIDENCE = Buffer.from('整改报告：车辆已完成技术等级评定。');

describe('credit repair (信用修复)', () => {
  let testbed: TestbedOf<typeof creditSubgraph>;
  let now = new Date('2026-03-02T07:00:00Z');
  testbedPerTest(
    creditSubgraph,
    (opened) => {
      testbed = opened;
    },
    () => ({ externals: { clock: () => now } }),
  );
  let disclosureId: string;
  beforeEach(async () => {
    now = new Date('2026-03-02T07:00:00Z');
    await testbed.deliver(enterpriseRegistered());
    // A fine of 60,000 yuan: -20, rating B; ordinary dishonesty, repairable three months on.
    await testbed.deliver(caseDecided({ fineFen: 6_000_000 }));
    await testbed.services.disclosures.publishDue();
    const disclosure = await testbed.dataSource.getRepository(CreditDisclosure).findOneByOrFail({});
    disclosureId = String(disclosure.id);
  });

  const application = (overrides: Partial<ApplyForCreditRepairInput> = {}): ApplyForCreditRepairInput => ({
    disclosureId,
    penaltyExecuted: true,
    executionStatement: '罚款已于2026年3月10日缴清，票据号JS2026031000001。',
    commitmentLetter: { fileName: '信用承诺书.pdf', contentBase64: LETTER.toString('base64') },
    correctiveEvidence: [{ fileName: '整改报告.pdf', contentBase64: EVIDENCE.toString('base64') }],
    ...overrides,
  });
  const profile = () => testbed.services.profiles.profileOf(testbed.dataSource.manager, NANJING);
  const shown = async () =>
    (
      await testbed.services.disclosures.search(
        { creditCode: NANJING, name: null, kind: null },
        pageRequest({ first: 20 }),
      )
    ).totalCount;

  it('refuses an application before the minimum period, naming the date it becomes possible', async () => {
    const refusal = await expectDomainError(testbed.services.repairs.apply(JIANGSU, application(), 'officer'), {
      code: 'CONFLICT',
      reason: 'REPAIR_NOT_YET_POSSIBLE',
    });
    expect(refusal.message).toContain('2026-06-02');
    now = new Date('2026-06-02T05:59:59Z');
    await expectDomainError(testbed.services.repairs.apply(JIANGSU, application(), 'officer'), {
      reason: 'REPAIR_NOT_YET_POSSIBLE',
    });
  });

  it('files an application with its documents and their SM3 digests, one open at a time, in the region only', async () => {
    now = new Date('2026-06-02T06:00:00Z');
    await expectDomainError(
      testbed.services.repairs.apply(JIANGSU, application({ penaltyExecuted: false }), 'officer'),
      { code: 'BAD_USER_INPUT', field: 'penaltyExecuted' },
    );
    await expectDomainError(testbed.services.repairs.apply(JIANGSU, application({ correctiveEvidence: [] }), 'o'), {
      code: 'BAD_USER_INPUT',
      field: 'correctiveEvidence',
    });
    await expectDomainError(testbed.services.repairs.apply(ZHEJIANG, application(), 'zj-officer'), {
      code: 'FORBIDDEN',
    });
    const filed = await testbed.services.repairs.apply(JIANGSU, application(), 'js-credit-officer');
    expect(filed).toMatchObject({ state: CreditRepairState.PENDING, version: 1, creditCode: NANJING });
    const attachments = await testbed.dataSource
      .getRepository(CreditRepairAttachment)
      .find({ where: { applicationId: filed.id }, order: { id: 'ASC' } });
    expect(attachments.map((attachment) => [attachment.kind, attachment.sm3Digest])).toEqual([
      ['COMMITMENT_LETTER', sm3Hex(LETTER)],
      ['CORRECTIVE_EVIDENCE', sm3Hex(EVIDENCE)],
    ]);
    // The bytes are in the platform's file store, under credit's namespace.
    const stored = attachments[0].storageReference.replace('local:', '');
    expect(readFileSync(join(testbed.filesDirectory, stored))).toEqual(LETTER);

    await expectDomainError(testbed.services.repairs.apply(JIANGSU, application(), 'officer'), {
      code: 'CONFLICT',
      reason: 'REPAIR_APPLICATION_OPEN',
    });
    const pending = await testbed.services.repairs.list(
      JIANGSU,
      { state: CreditRepairState.PENDING, regionCode: null },
      pageRequest({ first: 10 }),
    );
    expect(pending.edges.map((edge) => edge.node.id)).toEqual([filed.id]);
    expect(
      await testbed.services.repairs.list(ZHEJIANG, { state: null, regionCode: null }, pageRequest({ first: 10 })),
    ).toMatchObject({ totalCount: 0 });
  });

  it('refuses with reasons, leaving the penalty public; a new application may follow', async () => {
    now = new Date('2026-06-10T02:00:00Z');
    const filed = await testbed.services.repairs.apply(JIANGSU, application(), 'js-credit-officer');
    await expectDomainError(
      testbed.services.repairs.refuse(JIANGSU, { id: String(filed.id), expectedVersion: 1, reason: ' ' }, 'x'),
      { code: 'BAD_USER_INPUT', field: 'reason' },
    );
    await expectDomainError(
      testbed.services.repairs.refuse(ZHEJIANG, { id: String(filed.id), expectedVersion: 1, reason: '材料不全' }, 'x'),
      { code: 'FORBIDDEN' },
    );
    const refused = await testbed.services.repairs.refuse(
      JIANGSU,
      { id: String(filed.id), expectedVersion: 1, reason: '整改证明材料不足' },
      'js-credit-officer',
    );
    expect(refused).toMatchObject({ state: CreditRepairState.REFUSED, version: 2, decisionReason: '整改证明材料不足' });
    await expectDomainError(
      testbed.services.repairs.approve(JIANGSU, { id: String(filed.id), expectedVersion: 2, reason: '同意' }, 'x'),
      { code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' },
    );
    expect(await shown()).toBe(1);
    expect(await profile()).toMatchObject({ score: 80, rating: 'B' });
    await testbed.services.repairs.apply(JIANGSU, application(), 'js-credit-officer');
  });

  it('approves: the display ends (REPAIRED), the rating is restored, the change is pushed and lists hear of it', async () => {
    const pushed: CreditChange[] = [];
    const repaired: string[] = [];
    now = new Date('2026-06-10T02:00:00Z');
    const sink = {
      record: (_manager: EntityManager, change: CreditChange) => Promise.resolve(void pushed.push(change)),
    };
    const listener = {
      repaired: (_manager: EntityManager, disclosure: CreditDisclosure) =>
        Promise.resolve(void repaired.push(disclosure.documentNumber)),
    };
    // The same service, with a recording sink and listener in place of the temporary ones.
    const repairs = new CreditRepairService(
      testbed.dataSource,
      testbed.dependencies.files,
      new DisclosureRevisions(sink, () => now),
      sink,
      listener,
      testbed.dependencies.outbox,
      () => now,
    );
    expect(await profile()).toMatchObject({ score: 80, rating: 'B', recordCount: 1 });
    const filed = await repairs.apply(JIANGSU, application(), 'js-credit-officer');
    await expectDomainError(
      repairs.approve(JIANGSU, { id: String(filed.id), expectedVersion: 2, reason: '同意' }, 'x'),
      { code: 'CONFLICT', reason: 'STALE_VERSION' },
    );
    const approved = await repairs.approve(
      JIANGSU,
      { id: String(filed.id), expectedVersion: 1, reason: '已履行处罚并完成整改，准予修复' },
      'js-credit-officer',
    );
    expect(approved).toMatchObject({ state: CreditRepairState.APPROVED, decidedAt: now });
    expect(await shown()).toBe(0);
    expect(await profile()).toMatchObject({ score: 100, rating: 'A', recordCount: 1 });
    expect(repaired).toEqual(['3201022026000001']);
    const disclosure = await testbed.dataSource.getRepository(CreditDisclosure).findOneByOrFail({});
    expect(disclosure).toMatchObject({ version: 2, displayEndedAt: now });
    const revisions = (await testbed.services.corrections.history(disclosureId))!.revisions;
    expect(revisions.at(-1)).toMatchObject({
      kind: DisclosureRevisionKind.REPAIRED,
      reason: '已履行处罚并完成整改，准予修复',
    });
    expect(
      pushed.map((change) => [change.recordType, change.version, change.payload.state ?? change.payload.revision]),
    ).toEqual([
      ['REPAIR', 1, CreditRepairState.PENDING],
      ['DISCLOSURE', 2, DisclosureRevisionKind.REPAIRED],
      ['REPAIR', 2, CreditRepairState.APPROVED],
    ]);
    // Statistics hears of the decision with the deciding region and its outcome, nothing of the enterprise.
    const decided = (await testbed.outboxMessages()).filter((message) => message.type === 'credit.repair-decided');
    expect(decided.map((message) => message.envelope.payload)).toEqual([
      {
        applicationId: String(approved.id),
        regionCode: '320102',
        approved: true,
        filedAt: approved.filedAt.toISOString(),
        decidedAt: now.toISOString(),
      },
    ]);
    // Nothing left to repair, and the job has no display of it to end.
    await expectDomainError(repairs.apply(JIANGSU, application(), 'officer'), { reason: 'REPAIR_NOT_APPLICABLE' });
    now = new Date('2027-03-03T00:00:00Z');
    expect(await testbed.services.disclosures.endDueDisplays()).toBe(0);
  });
});
