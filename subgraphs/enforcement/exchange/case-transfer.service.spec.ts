import { writeFileSync } from 'node:fs';
import type { RegionScope } from '../../../platform/auth/region-scope';
import { pageRequest } from '../../../platform/graphql/connection';
import { CaseShareKind } from '../enforcement-case/case-share-kind';
import { CaseStatus } from '../enforcement-case/case-status';
import { CaseStepAction } from '../enforcement-case/case-step-action';
import type { EnforcementCase } from '../enforcement-case/enforcement-case.entity';
import { scopeIn } from '../../../platform/testing/callers';
import { expectDomainError } from '../../../platform/testing/expect-domain-error';
import { openSubgraphTestbed, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import {
  everything,
  evidenceItem,
  filing,
  JIANGSU,
  KUNSHAN,
  NATIONAL,
  OFFICER,
  procedure,
  SHANGHAI,
  storedFileOf,
  ZHEJIANG,
} from '../enforcement.fixture';
import { enforcementSubgraph } from '../enforcement.subgraph';
import { CaseTransferStatus } from './case-transfer.entity';

const KUNSHAN_SCOPE = scopeIn('320583');
const XIHU = scopeIn('330106');
const REASON = '车辆登记地在杭州市西湖区，移送属地管辖';

describe('CaseTransferService', () => {
  let testbed: TestbedOf<typeof enforcementSubgraph>;
  let story: ReturnType<typeof procedure>;
  beforeEach(async () => {
    testbed = await openSubgraphTestbed(enforcementSubgraph);
    story = procedure(testbed.services);
  });
  afterEach(async () => {
    await testbed.close();
  });

  /** A Kunshan case under investigation, with one photo, proposed for transfer to Hangzhou's 西湖区. */
  async function proposedToXihu(): Promise<EnforcementCase> {
    const open = await story.investigating(
      filing({ regionCode: '320583', creditCode: KUNSHAN, plateNumber: '浙A23456' }),
    );
    await testbed.services.evidence.add(
      KUNSHAN_SCOPE,
      { caseNumber: open.caseNumber, ...evidenceItem('kunshan photo') },
      'ks-officer',
    );
    const { transfer, case: pending } = await testbed.services.transfers.propose(
      KUNSHAN_SCOPE,
      { caseNumber: open.caseNumber, toRegionCode: '330106', reason: REASON },
      'ks-supervisor',
    );
    expect(transfer).toMatchObject({
      fromRegionCode: '320583',
      toRegionCode: '330106',
      status: CaseTransferStatus.PROPOSED,
      statusBefore: CaseStatus.INVESTIGATING,
    });
    expect(pending).toMatchObject({ status: CaseStatus.TRANSFER_PENDING, regionCode: '320583' });
    return pending!;
  }

  /** What a region sees of the case: the case, its steps (actions), its evidence (regions), its transfers. */
  async function seenBy(scope: RegionScope, transferred: EnforcementCase) {
    const found = await testbed.services.cases.find(scope, transferred.caseNumber);
    const listed = await testbed.services.cases.list(scope, { regionCode: null, status: null }, pageRequest({}));
    return {
      case: found ? { regionCode: found.regionCode, status: found.status } : null,
      listed: listed.edges.some((edge) => edge.node.caseNumber === transferred.caseNumber),
      steps: (await testbed.services.cases.createStepsLoader(scope).load(transferred.id)).map((step) => step.action),
      evidence: (await testbed.services.evidence.createEvidenceLoader(scope).load(transferred.id)).map(
        (item) => item.regionCode,
      ),
      transfers: (await testbed.services.transfers.createTransfersLoader(scope).load(transferred.id)).map(
        (transfer) => transfer.status,
      ),
    };
  }

  it('lets the receiving region read a case awaiting transfer, and nobody move it but by accepting or declining', async () => {
    const pending = await proposedToXihu();
    const xihu = await seenBy(XIHU, pending);
    expect(xihu).toMatchObject({
      case: { regionCode: '320583', status: CaseStatus.TRANSFER_PENDING },
      listed: true,
      evidence: ['320583'],
      transfers: ['PROPOSED'],
    });
    expect(xihu.steps.slice(-2)).toEqual([CaseStepAction.EVIDENCE_ADDED, CaseStepAction.TRANSFER_PROPOSED]);
    expect(await seenBy(SHANGHAI, pending)).toEqual({
      case: null,
      listed: false,
      steps: [],
      evidence: [],
      transfers: [],
    });

    const before = await everything(testbed.dataSource);
    const { cases, penalties, evidence, assistance } = testbed.services;
    const caseNumber = pending.caseNumber;
    // The receiving region reads; it does not act.
    expect(
      (await expectDomainError(cases.dismiss(XIHU, { caseNumber, reason: '撤销' }, 'xh'))).extensions,
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      (await expectDomainError(evidence.add(XIHU, { caseNumber, ...evidenceItem() }, 'xh'))).extensions,
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    // The handling region waits for the decision.
    const waiting: Array<() => Promise<unknown>> = [
      () => penalties.propose(KUNSHAN_SCOPE, { caseNumber, penalty: 'WARNING' as never, summary: '警告' }, OFFICER),
      () => evidence.add(KUNSHAN_SCOPE, { caseNumber, ...evidenceItem() }, OFFICER),
      () =>
        assistance.request(
          KUNSHAN_SCOPE,
          { caseNumber, assistingRegionCode: '310000', question: '请协助核查车辆', sharedSummary: '浙A23456' },
          OFFICER,
        ),
      () => cases.dismiss(KUNSHAN_SCOPE, { caseNumber, reason: '撤销' }, OFFICER),
      () =>
        testbed.services.transfers.propose(
          KUNSHAN_SCOPE,
          { caseNumber, toRegionCode: '310000', reason: REASON },
          OFFICER,
        ),
    ];
    for (const attempt of waiting) {
      expect((await expectDomainError(attempt())).extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'ILLEGAL_TRANSITION',
      });
    }
    // Only the receiving region decides; the proposer may not accept its own proposal, an unrelated region does not see it.
    expect(
      (await expectDomainError(testbed.services.transfers.accept(KUNSHAN_SCOPE, { caseNumber }, 'ks'))).extensions,
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      (await expectDomainError(testbed.services.transfers.decline(SHANGHAI, { caseNumber, reason: REASON }, 'sh')))
        .extensions,
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(await everything(testbed.dataSource)).toEqual(before);
  });

  it('on acceptance moves the case with its history and evidence; the old region keeps reading what it did', async () => {
    const pending = await proposedToXihu();
    const { transfer, case: accepted } = await testbed.services.transfers.accept(
      XIHU,
      { caseNumber: pending.caseNumber, expectedVersion: pending.version, comment: '同意接收' },
      'xh-supervisor',
    );
    expect(transfer).toMatchObject({
      status: CaseTransferStatus.ACCEPTED,
      decidedBy: 'xh-supervisor',
      decisionComment: '同意接收',
      evidenceVerified: 1,
    });
    expect(accepted).toMatchObject({
      regionCode: '330106',
      status: CaseStatus.INVESTIGATING,
      caseNumber: pending.caseNumber,
    });

    // The new region acts on it: more evidence, and the procedure goes on.
    await testbed.services.evidence.add(
      XIHU,
      { caseNumber: pending.caseNumber, ...evidenceItem('xihu photo') },
      'xh-officer',
    );
    await testbed.services.penalties.propose(
      ZHEJIANG,
      { caseNumber: pending.caseNumber, penalty: 'WARNING' as never, summary: '拟警告' },
      'zj-officer',
    );

    const xihu = await seenBy(ZHEJIANG, accepted!);
    expect(xihu).toMatchObject({
      case: { regionCode: '330106', status: CaseStatus.PENALTY_PROPOSED },
      listed: true,
      evidence: ['320583', '330106'],
      transfers: ['ACCEPTED'],
    });
    expect(xihu.steps).toEqual([
      CaseStepAction.FILING_SUBMITTED,
      CaseStepAction.FILING_APPROVED,
      CaseStepAction.INVESTIGATION_STARTED,
      CaseStepAction.EVIDENCE_ADDED,
      CaseStepAction.TRANSFER_PROPOSED,
      CaseStepAction.TRANSFER_ACCEPTED,
      CaseStepAction.EVIDENCE_ADDED,
      CaseStepAction.PENALTY_PROPOSED,
    ]);
    // Kunshan (and Jiangsu above it) read the case and what was done there, not the new region's work.
    const kunshan = await seenBy(KUNSHAN_SCOPE, accepted!);
    expect(kunshan).toEqual({
      case: { regionCode: '330106', status: CaseStatus.PENALTY_PROPOSED },
      listed: true,
      steps: [
        CaseStepAction.FILING_SUBMITTED,
        CaseStepAction.FILING_APPROVED,
        CaseStepAction.INVESTIGATION_STARTED,
        CaseStepAction.EVIDENCE_ADDED,
        CaseStepAction.TRANSFER_PROPOSED,
      ],
      evidence: ['320583'],
      transfers: ['ACCEPTED'],
    });
    expect(await seenBy(JIANGSU, accepted!)).toEqual(kunshan);
    expect(await seenBy(SHANGHAI, accepted!)).toEqual({
      case: null,
      listed: false,
      steps: [],
      evidence: [],
      transfers: [],
    });
    // Kunshan reads only: it no longer acts on the case.
    const refused = await expectDomainError(
      testbed.services.cases.dismiss(KUNSHAN_SCOPE, { caseNumber: pending.caseNumber, reason: '撤销' }, OFFICER),
    );
    expect(refused.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const shares = await testbed.services.cases.createSharesLoader(NATIONAL).load(pending.id);
    expect(shares.map((share) => [share.regionCode, share.kind])).toEqual([['320583', CaseShareKind.TRANSFERRED_FROM]]);
  });

  it('on decline returns the case to where it stood, out of the receiving region’s sight', async () => {
    const pending = await proposedToXihu();
    const { transfer, case: seen } = await testbed.services.transfers.decline(
      XIHU,
      { caseNumber: pending.caseNumber, reason: '车辆已过户至江苏，不属本地管辖' },
      'xh-supervisor',
    );
    expect(transfer).toMatchObject({
      status: CaseTransferStatus.DECLINED,
      decisionComment: '车辆已过户至江苏，不属本地管辖',
      evidenceVerified: null,
    });
    expect(seen).toBeNull();
    expect(await seenBy(XIHU, pending)).toEqual({ case: null, listed: false, steps: [], evidence: [], transfers: [] });
    const kunshan = await seenBy(KUNSHAN_SCOPE, pending);
    expect(kunshan).toMatchObject({
      case: { regionCode: '320583', status: CaseStatus.INVESTIGATING },
      evidence: ['320583'],
      transfers: ['DECLINED'],
    });
    expect(kunshan.steps.slice(-2)).toEqual([CaseStepAction.TRANSFER_PROPOSED, CaseStepAction.TRANSFER_DECLINED]);
    // Kunshan goes on with the case, and may propose again elsewhere.
    await testbed.services.evidence.add(
      KUNSHAN_SCOPE,
      { caseNumber: pending.caseNumber, ...evidenceItem('more') },
      OFFICER,
    );
    const again = await testbed.services.transfers.propose(
      KUNSHAN_SCOPE,
      { caseNumber: pending.caseNumber, toRegionCode: '320100', reason: '移送南京市处理' },
      'ks',
    );
    expect(again.transfer).toMatchObject({ status: CaseTransferStatus.PROPOSED, toRegionCode: '320100' });
    // A decline by the region that already declined is not a decision on the new proposal.
    expect(
      (
        await expectDomainError(
          testbed.services.transfers.decline(XIHU, { caseNumber: pending.caseNumber, reason: REASON }, 'xh'),
        )
      ).extensions,
    ).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('stops the handover when an item of evidence no longer matches its digest, naming it, and changes nothing', async () => {
    const pending = await proposedToXihu();
    const [item] = await testbed.services.evidence.createEvidenceLoader(NATIONAL).load(pending.id);
    writeFileSync(storedFileOf(testbed.filesDirectory, item), 'swapped photo');
    const before = await everything(testbed.dataSource);
    const refused = await expectDomainError(
      testbed.services.transfers.accept(XIHU, { caseNumber: pending.caseNumber }, 'xh'),
    );
    expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DIGEST_MISMATCH' });
    expect(refused.message).toContain(
      `Evidence ${item.id} "车辆超限现场照片" (scene.jpg) of case ${pending.caseNumber}`,
    );
    expect(await everything(testbed.dataSource)).toEqual(before);
    // Declining needs no handover and is still possible.
    expect(
      (
        await testbed.services.transfers.decline(
          XIHU,
          { caseNumber: pending.caseNumber, reason: '证据完整性校验失败，退回' },
          'xh',
        )
      ).transfer.status,
    ).toBe(CaseTransferStatus.DECLINED);
  });

  it('refuses a region that sees the case already, an unknown region, a short reason, a case that is not transferable, writing nothing', async () => {
    const open = await story.investigating(filing({ regionCode: '320583', creditCode: KUNSHAN }));
    const decided = await story.decided(undefined, filing({ regionCode: '320583', creditCode: KUNSHAN }));
    const before = await everything(testbed.dataSource);
    const transfers = testbed.services.transfers;
    const refusals: Array<[string, Parameters<typeof transfers.propose>[1], Record<string, string>]> = [
      [
        'the handling region',
        { caseNumber: open.caseNumber, toRegionCode: '320583', reason: REASON },
        { code: 'BAD_USER_INPUT', field: 'toRegionCode' },
      ],
      [
        'the province above',
        { caseNumber: open.caseNumber, toRegionCode: '320000', reason: REASON },
        { code: 'BAD_USER_INPUT', field: 'toRegionCode' },
      ],
      [
        'the country',
        { caseNumber: open.caseNumber, toRegionCode: '000000', reason: REASON },
        { code: 'BAD_USER_INPUT', field: 'toRegionCode' },
      ],
      [
        'an unknown region',
        { caseNumber: open.caseNumber, toRegionCode: '339999', reason: REASON },
        { code: 'BAD_USER_INPUT', field: 'toRegionCode' },
      ],
      [
        'a short reason',
        { caseNumber: open.caseNumber, toRegionCode: '330106', reason: '移送' },
        { code: 'BAD_USER_INPUT', field: 'reason' },
      ],
      [
        'a stale version',
        { caseNumber: open.caseNumber, expectedVersion: 1, toRegionCode: '330106', reason: REASON },
        { code: 'CONFLICT', reason: 'STALE_VERSION' },
      ],
      [
        'a decided case',
        { caseNumber: decided.caseNumber, toRegionCode: '330106', reason: REASON },
        { code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' },
      ],
    ];
    for (const [what, input, expected] of refusals) {
      const refused = await expectDomainError(transfers.propose(KUNSHAN_SCOPE, input, 'ks'));
      expect([what, refused.extensions]).toEqual([what, expect.objectContaining(expected)]);
    }
    expect(
      (
        await expectDomainError(
          transfers.propose(XIHU, { caseNumber: open.caseNumber, toRegionCode: '330106', reason: REASON }, 'xh'),
        )
      ).extensions,
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      (await expectDomainError(transfers.accept(KUNSHAN_SCOPE, { caseNumber: open.caseNumber }, 'ks'))).extensions,
    ).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    expect(await everything(testbed.dataSource)).toEqual(before);
  });
});
