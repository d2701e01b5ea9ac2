import { writeFileSync } from 'node:fs';
import { pageRequest } from '../../../platform/graphql/connection';
import { sm3Hex } from '../../../platform/storage/file-store';
import { chinaToday } from '../../../platform/time/china-time';
import { CaseStepAction } from '../enforcement-case/case-step-action';
import { addDays } from '../enforcement-case/decision-deadline';
import type { EnforcementCase } from '../enforcement-case/enforcement-case.entity';
import { scopeIn } from '../../../platform/testing/callers';
import { expectDomainError } from '../../../platform/testing/expect-domain-error';
import { openSubgraphTestbed, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import {
  everything,
  evidenceItem,
  filing,
  JIANGSU,
  NANJING,
  NATIONAL,
  OFFICER,
  procedure,
  SHANGHAI,
  storedFileOf,
  ZHEJIANG,
} from '../enforcement.fixture';
import { enforcementSubgraph } from '../enforcement.subgraph';
import { EvidenceKind } from '../evidence/evidence-kind';
import { AssistanceStatus, type AssistanceRequest } from './assistance-request.entity';
import { AssistanceSide, type AssistanceService } from './assistance.service';

const HANGZHOU_CITY = scopeIn('330100');
const QUESTION = '请协助调取该车辆在杭州绕城高速收费站的通行记录';
const SUMMARY = '苏A12345危险货物运输车辆，驾驶员涉嫌无从业资格证驾驶';

describe('AssistanceService', () => {
  let testbed: TestbedOf<typeof enforcementSubgraph>;
  let assistance: AssistanceService;
  let story: ReturnType<typeof procedure>;
  beforeEach(async () => {
    testbed = await openSubgraphTestbed(enforcementSubgraph);
    assistance = testbed.services.assistance;
    story = procedure(testbed.services);
  });
  afterEach(async () => {
    await testbed.close();
  });

  /** A Nanjing (玄武区) case under investigation that asks Hangzhou for the vehicle's toll records. */
  async function askedOfHangzhou(): Promise<{ open: EnforcementCase; request: AssistanceRequest }> {
    const open = await story.investigating(filing({ plateNumber: '苏A12345' }));
    const { assistanceRequest } = await assistance.request(
      NANJING,
      { caseNumber: open.caseNumber, assistingRegionCode: '330100', question: QUESTION, sharedSummary: SUMMARY },
      OFFICER,
    );
    return { open, request: assistanceRequest };
  }

  it('shows the region asked the request, never the case', async () => {
    const { open, request } = await askedOfHangzhou();
    expect(request).toMatchObject({
      caseNumber: open.caseNumber,
      requestingRegionCode: '320102',
      assistingRegionCode: '330100',
      status: AssistanceStatus.OPEN,
      question: QUESTION,
      sharedSummary: SUMMARY,
      dueDate: addDays(chinaToday(), 15),
      requestedBy: OFFICER,
    });
    expect(await assistance.find(HANGZHOU_CITY, String(request.id))).toMatchObject({
      id: request.id,
      sharedSummary: SUMMARY,
    });
    expect(
      (await assistance.list(ZHEJIANG, { side: AssistanceSide.ASKED, status: AssistanceStatus.OPEN }, pageRequest({})))
        .totalCount,
    ).toBe(1);
    expect(
      (await assistance.list(ZHEJIANG, { side: AssistanceSide.ASKING, status: null }, pageRequest({}))).totalCount,
    ).toBe(0);
    expect(
      (await assistance.list(JIANGSU, { side: AssistanceSide.ASKING, status: null }, pageRequest({}))).totalCount,
    ).toBe(1);
    // The case stays out of Hangzhou's sight: lookup, lists, steps, evidence.
    expect(await testbed.services.cases.find(HANGZHOU_CITY, open.caseNumber)).toBeNull();
    expect(
      (await testbed.services.cases.list(ZHEJIANG, { regionCode: null, status: null }, pageRequest({}))).totalCount,
    ).toBe(0);
    expect(await testbed.services.cases.createStepsLoader(ZHEJIANG).load(open.id)).toEqual([]);
    // A region neither handling nor asked sees nothing at all.
    expect(await assistance.find(SHANGHAI, String(request.id))).toBeNull();
    expect((await assistance.list(SHANGHAI, { side: null, status: null }, pageRequest({}))).totalCount).toBe(0);
    const steps = await testbed.services.cases.createStepsLoader(NANJING).load(open.id);
    expect(steps[steps.length - 1]).toMatchObject({
      action: CaseStepAction.ASSISTANCE_REQUESTED,
      regionCode: '320102',
      comment: `assistance request ${request.id} to 330100, due ${addDays(chinaToday(), 15)}: ${QUESTION}`,
    });
  });

  it('hands the evidence over with the answer, digests verified, into the requester’s case file', async () => {
    const { open, request } = await askedOfHangzhou();
    const id = String(request.id);
    const { evidence: collected } = await assistance.addEvidence(
      HANGZHOU_CITY,
      {
        assistanceRequestId: id,
        ...evidenceItem('toll records', { kind: EvidenceKind.DOCUMENT, title: '收费站通行记录', fileName: 'toll.pdf' }),
      },
      'hz-officer',
    );
    expect(collected).toMatchObject({
      regionCode: '330100',
      assistanceRequestId: request.id,
      handedOverAt: null,
      sm3Digest: sm3Hex(Buffer.from('toll records')),
    });
    // Before the answer: Hangzhou holds it; the case file does not have it yet.
    expect(
      (await assistance.createRequestEvidenceLoader(HANGZHOU_CITY).load(request.id)).map((item) => item.id),
    ).toEqual([collected.id]);
    expect(await assistance.createRequestEvidenceLoader(NANJING).load(request.id)).toEqual([]);
    expect(await testbed.services.evidence.createEvidenceLoader(NANJING).load(open.id)).toEqual([]);
    expect(await testbed.services.evidence.content(NANJING, String(collected.id))).toBeNull();
    expect(await testbed.services.evidence.content(HANGZHOU_CITY, String(collected.id))).toMatchObject({
      sm3Digest: collected.sm3Digest,
    });

    const answered = await assistance.answer(
      HANGZHOU_CITY,
      { assistanceRequestId: id, answer: '驾驶员与登记从业人员不一致' },
      'hz-officer',
    );
    expect(answered).toMatchObject({
      status: AssistanceStatus.ANSWERED,
      answer: '驾驶员与登记从业人员不一致',
      answeredBy: 'hz-officer',
      evidenceVerified: 1,
    });
    const caseFile = await testbed.services.evidence.createEvidenceLoader(NANJING).load(open.id);
    expect(caseFile.map((item) => [item.id, item.regionCode, item.assistanceRequestId])).toEqual([
      [collected.id, '330100', request.id],
    ]);
    expect(caseFile[0].handedOverAt).toEqual(answered.answeredAt);
    const arrived = await testbed.services.evidence.content(NANJING, String(collected.id));
    expect(arrived).toMatchObject({ sm3Digest: collected.sm3Digest });
    expect(Buffer.from(arrived!.contentBase64, 'base64').toString()).toBe('toll records');
    const steps = await testbed.services.cases.createStepsLoader(NANJING).load(open.id);
    expect(steps[steps.length - 1]).toMatchObject({
      action: CaseStepAction.ASSISTANCE_ANSWERED,
      regionCode: '330100',
      actor: 'hz-officer',
      comment: `assistance request ${request.id} answered by 330100; 1 items of evidence handed over, SM3 digests verified`,
    });
    // Answered once; no more evidence.
    expect(
      (await expectDomainError(assistance.answer(HANGZHOU_CITY, { assistanceRequestId: id, answer: '补充' }, 'hz')))
        .extensions,
    ).toMatchObject({ code: 'CONFLICT', reason: 'ASSISTANCE_ANSWERED' });
    expect(
      (
        await expectDomainError(
          assistance.addEvidence(HANGZHOU_CITY, { assistanceRequestId: id, ...evidenceItem() }, 'hz'),
        )
      ).extensions,
    ).toMatchObject({ reason: 'ASSISTANCE_ANSWERED' });
  });

  it('refuses an answer whose evidence no longer matches its digest, naming the item, and hands nothing over', async () => {
    const { open, request } = await askedOfHangzhou();
    const id = String(request.id);
    const { evidence: collected } = await assistance.addEvidence(
      HANGZHOU_CITY,
      { assistanceRequestId: id, ...evidenceItem('toll records') },
      'hz-officer',
    );
    writeFileSync(storedFileOf(testbed.filesDirectory, collected), 'forged records');
    const before = await everything(testbed.dataSource);
    const refused = await expectDomainError(
      assistance.answer(HANGZHOU_CITY, { assistanceRequestId: id, answer: '见附件' }, 'hz-officer'),
    );
    expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DIGEST_MISMATCH' });
    expect(refused.message).toContain(
      `Evidence ${collected.id} "车辆超限现场照片" (scene.jpg) of case ${open.caseNumber}`,
    );
    expect(await everything(testbed.dataSource)).toEqual(before);
    expect(await testbed.services.evidence.createEvidenceLoader(NANJING).load(open.id)).toEqual([]);
  });

  it('lets only the region asked add evidence and answer: FORBIDDEN to the requester, NOT_FOUND to anyone else', async () => {
    const { request } = await askedOfHangzhou();
    const id = String(request.id);
    const before = await everything(testbed.dataSource);
    expect(
      (
        await expectDomainError(
          assistance.addEvidence(NANJING, { assistanceRequestId: id, ...evidenceItem() }, OFFICER),
        )
      ).extensions,
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      (await expectDomainError(assistance.answer(NANJING, { assistanceRequestId: id, answer: '自答' }, OFFICER)))
        .extensions,
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      (await expectDomainError(assistance.addEvidence(SHANGHAI, { assistanceRequestId: id, ...evidenceItem() }, 'sh')))
        .extensions,
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      (await expectDomainError(assistance.answer(SHANGHAI, { assistanceRequestId: id, answer: '答复' }, 'sh')))
        .extensions,
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      (await expectDomainError(assistance.answer(HANGZHOU_CITY, { assistanceRequestId: 'x1', answer: '答复' }, 'hz')))
        .extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assistanceRequestId' });
    expect(await everything(testbed.dataSource)).toEqual(before);
  });

  it('refuses a request to a region that sees the case already, a past due date, a short question, or on a case not under investigation', async () => {
    const open = await story.investigating();
    const decided = await story.decided();
    const before = await everything(testbed.dataSource);
    const base = {
      caseNumber: open.caseNumber,
      assistingRegionCode: '330100',
      question: QUESTION,
      sharedSummary: SUMMARY,
    };
    const refusals: Array<[string, Parameters<AssistanceService['request']>[1], Record<string, string>]> = [
      [
        'the province above',
        { ...base, assistingRegionCode: '320000' },
        { code: 'BAD_USER_INPUT', field: 'assistingRegionCode' },
      ],
      [
        'an unknown region',
        { ...base, assistingRegionCode: '339999' },
        { code: 'BAD_USER_INPUT', field: 'assistingRegionCode' },
      ],
      [
        'a past due date',
        { ...base, dueDate: addDays(chinaToday(), -1) },
        { code: 'BAD_USER_INPUT', field: 'dueDate' },
      ],
      ['a date that is no date', { ...base, dueDate: '2026-02-30' }, { code: 'BAD_USER_INPUT', field: 'dueDate' }],
      ['a short question', { ...base, question: '核查' }, { code: 'BAD_USER_INPUT', field: 'question' }],
      ['nothing shared', { ...base, sharedSummary: ' ' }, { code: 'BAD_USER_INPUT', field: 'sharedSummary' }],
      [
        'a decided case',
        { ...base, caseNumber: decided.caseNumber },
        { code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' },
      ],
    ];
    for (const [what, input, expected] of refusals) {
      const refused = await expectDomainError(assistance.request(NANJING, input, OFFICER));
      expect([what, refused.extensions]).toEqual([what, expect.objectContaining(expected)]);
    }
    expect((await expectDomainError(assistance.request(ZHEJIANG, base, 'zj'))).extensions).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await everything(testbed.dataSource)).toEqual(before);
  });

  it('keeps the requests with the case when it is transferred: the new region sees them, the region asked still answers', async () => {
    const { open, request } = await askedOfHangzhou();
    await testbed.services.transfers.propose(
      NATIONAL,
      { caseNumber: open.caseNumber, toRegionCode: '320583', reason: '移送昆山市处理' },
      'js',
    );
    await testbed.services.transfers.accept(NATIONAL, { caseNumber: open.caseNumber }, 'ks');
    const kunshan = scopeIn('320583');
    expect((await assistance.createCaseRequestsLoader(kunshan).load(open.id)).map((found) => found.id)).toEqual([
      request.id,
    ]);
    await assistance.answer(HANGZHOU_CITY, { assistanceRequestId: String(request.id), answer: '未发现通行记录' }, 'hz');
    expect(await assistance.find(kunshan, String(request.id))).toMatchObject({ status: AssistanceStatus.ANSWERED });
  });
});
