import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readState } from './harness/harness-state';
import { graphql, query, tokenFor, type GraphQLResponse } from './harness/single-window.client';
import { story } from './harness/story';

// 异地执法数据交换 through the gateway: transfers (移送) and assistance requests (协查) between Jiangsu and
// Zhejiang, each seen from the old region, the new region (or the region asked) and an unrelated one.
// Kunshan (320583) cases are handled by the Jiangsu supervisor and js-pii-officer (an enforcement
// officer of 320000); Hangzhou's 西湖区 (330106) by zj-enforcement-supervisor and hz-enforcement-officer
// (330100); Nanjing's officer (320100) sees neither region, so it is the unrelated one.

const KUNSHAN = '320583';
const XIHU = '330106';

const VIEW = `query CaseView($caseNumber: String!) { enforcementCase(caseNumber: $caseNumber) {
  caseNumber regionCode status
  steps { action regionCode }
  evidence { id regionCode sm3Digest }
  transfers { fromRegionCode toRegionCode status decisionComment evidenceVerified }
  sharedWith { regionCode kind }
} }`;
const LIST = `query CaseList($status: CaseStatus) { enforcementCases(status: $status, first: 100) { totalCount edges { node { caseNumber } } } }`;

interface View {
  caseNumber: string;
  regionCode: string;
  status: string;
  steps: Array<{ action: string; regionCode: string }>;
  evidence: Array<{ id: string; regionCode: string; sm3Digest: string }>;
  transfers: Array<{
    fromRegionCode: string;
    toRegionCode: string;
    status: string;
    decisionComment: string | null;
    evidenceVerified: number | null;
  }>;
  sharedWith: Array<{ regionCode: string; kind: string }>;
}

function sm3(bytes: Buffer): string {
  return createHash('sm3').update(bytes).digest('hex');
}

function refusal(response: GraphQLResponse<unknown>): { code?: string; reason?: string } {
  return {
    code: response.errors?.[0]?.extensions?.code,
    reason: response.errors?.[0]?.extensions?.reason as string | undefined,
  };
}

/** The stored file holding exactly these bytes, found the way someone with disk access to the store would. */
function storedFileWith(bytes: Buffer): string {
  const walk = (directory: string): string[] =>
    readdirSync(directory).flatMap((entry) => {
      const path = join(directory, entry);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  const found = walk(join(readState().dataDirectory, 'files', 'enforcement')).filter((path) =>
    readFileSync(path).equals(bytes),
  );
  if (found.length !== 1) throw new Error(`expected one stored file with these bytes, found ${found.length}`);
  return found[0];
}

describe('cases exchanged between regions', () => {
  let jsSupervisor: string;
  let jsOfficer: string;
  let zjSupervisor: string;
  let hzOfficer: string;
  let unrelated: string;
  let creditCode: string;
  beforeAll(async () => {
    [jsSupervisor, jsOfficer, zjSupervisor, hzOfficer, unrelated] = await Promise.all(
      [
        'js-enforcement-supervisor',
        'js-pii-officer',
        'zj-enforcement-supervisor',
        'hz-enforcement-officer',
        'nj-enforcement-officer',
      ].map(tokenFor),
    );
    creditCode = (await story(await tokenFor('ministry-admin')).enterprise(XIHU, '交换测试西湖物流有限公司'))
      .creditCode;
  });

  const view = async (token: string, caseNumber: string) =>
    (await query<{ enforcementCase: View | null }>(token, VIEW, { caseNumber })).enforcementCase;
  const listed = async (token: string, caseNumber: string, status?: string) =>
    (
      await query<{ enforcementCases: { edges: Array<{ node: { caseNumber: string } }> } }>(token, LIST, {
        status: status ?? null,
      })
    ).enforcementCases.edges.some((edge) => edge.node.caseNumber === caseNumber);

  /** A Kunshan case under investigation with one photo, proposed by the Jiangsu supervisor for transfer to 西湖区. */
  async function proposedToXihu(photo: Buffer): Promise<string> {
    const filed = await query<{ fileCase: { case: { caseNumber: string } } }>(
      jsOfficer,
      `mutation File($input: FileCaseInput!) { fileCase(input: $input) { case { caseNumber } } }`,
      {
        input: { regionCode: KUNSHAN, cause: '货运车辆未随车携带道路运输证', creditCode, plateNumber: '浙A23456' },
      },
    );
    const caseNumber = filed.fileCase.case.caseNumber;
    await query(
      jsSupervisor,
      `mutation Approve($input: CaseActionInput!) { approveCaseFiling(input: $input) { case { status } } }`,
      { input: { caseNumber } },
    );
    await query(
      jsOfficer,
      `mutation Investigate($input: CaseActionInput!) { startCaseInvestigation(input: $input) { case { status } } }`,
      { input: { caseNumber } },
    );
    await query(
      jsOfficer,
      `mutation Evidence($input: AddCaseEvidenceInput!) { addCaseEvidence(input: $input) { evidence { id } } }`,
      {
        input: {
          caseNumber,
          kind: 'PHOTO',
          title: '昆山治超站现场照片',
          fileName: 'weigh-station.jpg',
          contentBase64: photo.toString('base64'),
          collectedAt: new Date(Date.now() - 600_000).toISOString(),
        },
      },
    );
    const proposed = await query<{ proposeCaseTransfer: { transfer: { status: string }; case: { status: string } } }>(
      jsSupervisor,
      `mutation ProposeTransfer($input: ProposeCaseTransferInput!) { proposeCaseTransfer(input: $input) { transfer { status } case { status } } }`,
      { input: { caseNumber, toRegionCode: XIHU, reason: '车辆登记地及经营业户均在杭州市西湖区，移送属地管辖' } },
    );
    expect(proposed.proposeCaseTransfer).toEqual({
      transfer: { status: 'PROPOSED' },
      case: { status: 'TRANSFER_PENDING' },
    });
    return caseNumber;
  }

  it('transfers a case to Zhejiang on acceptance: history and evidence go with it, the old region keeps reading what it did', async () => {
    const photo = Buffer.from(`accepted transfer photo ${Date.now()}`);
    const caseNumber = await proposedToXihu(photo);

    // Mid-transfer: Zhejiang reads it to decide, and may not act on it otherwise; Nanjing sees nothing.
    expect(await view(zjSupervisor, caseNumber)).toMatchObject({
      regionCode: KUNSHAN,
      status: 'TRANSFER_PENDING',
      evidence: [{ regionCode: KUNSHAN, sm3Digest: sm3(photo) }],
    });
    expect(await listed(zjSupervisor, caseNumber, 'TRANSFER_PENDING')).toBe(true);
    const dismiss = await graphql(
      `
        mutation ($input: DismissCaseInput!) {
          dismissCase(input: $input) {
            case {
              status
            }
          }
        }
      `,
      { input: { caseNumber, reason: '撤销' } },
      { token: zjSupervisor },
    );
    expect(refusal(dismiss)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await view(unrelated, caseNumber)).toBeNull();
    // The Jiangsu side waits for Zhejiang's decision; it may not accept its own proposal.
    const selfAccept = await graphql(
      `
        mutation ($input: AcceptCaseTransferInput!) {
          acceptCaseTransfer(input: $input) {
            transfer {
              status
            }
          }
        }
      `,
      { input: { caseNumber } },
      { token: jsSupervisor },
    );
    expect(refusal(selfAccept)).toMatchObject({ code: 'FORBIDDEN' });

    const accepted = await query<{
      acceptCaseTransfer: {
        transfer: { status: string; evidenceVerified: number };
        case: { regionCode: string; status: string };
      };
    }>(
      zjSupervisor,
      `mutation AcceptTransfer($input: AcceptCaseTransferInput!) { acceptCaseTransfer(input: $input) { transfer { status evidenceVerified } case { regionCode status } } }`,
      { input: { caseNumber, comment: '同意接收' } },
    );
    expect(accepted.acceptCaseTransfer).toEqual({
      transfer: { status: 'ACCEPTED', evidenceVerified: 1 },
      case: { regionCode: XIHU, status: 'INVESTIGATING' },
    });

    // The new region acts on it.
    const more = Buffer.from(`xihu photo ${Date.now()}`);
    await query(
      hzOfficer,
      `mutation Evidence($input: AddCaseEvidenceInput!) { addCaseEvidence(input: $input) { evidence { id } } }`,
      {
        input: {
          caseNumber,
          kind: 'INQUIRY_RECORD',
          title: '经营业户负责人询问笔录',
          fileName: 'inquiry.pdf',
          contentBase64: more.toString('base64'),
          collectedAt: new Date().toISOString(),
        },
      },
    );
    const newRegion = (await view(hzOfficer, caseNumber))!;
    expect(newRegion).toMatchObject({
      regionCode: XIHU,
      status: 'INVESTIGATING',
      transfers: [
        {
          fromRegionCode: KUNSHAN,
          toRegionCode: XIHU,
          status: 'ACCEPTED',
          decisionComment: '同意接收',
          evidenceVerified: 1,
        },
      ],
    });
    expect(newRegion.steps.map((recorded) => `${recorded.action}@${recorded.regionCode}`)).toEqual([
      `FILING_SUBMITTED@${KUNSHAN}`,
      `FILING_APPROVED@${KUNSHAN}`,
      `INVESTIGATION_STARTED@${KUNSHAN}`,
      `EVIDENCE_ADDED@${KUNSHAN}`,
      `TRANSFER_PROPOSED@${KUNSHAN}`,
      `TRANSFER_ACCEPTED@${XIHU}`,
      `EVIDENCE_ADDED@${XIHU}`,
    ]);
    expect(newRegion.evidence.map((item) => [item.regionCode, item.sm3Digest])).toEqual([
      [KUNSHAN, sm3(photo)],
      [XIHU, sm3(more)],
    ]);

    // The old region reads the case and what it did there, not Zhejiang's work, and acts no more.
    const oldRegion = (await view(jsSupervisor, caseNumber))!;
    expect(oldRegion).toMatchObject({
      regionCode: XIHU,
      status: 'INVESTIGATING',
      sharedWith: [{ regionCode: KUNSHAN, kind: 'TRANSFERRED_FROM' }],
    });
    expect(oldRegion.steps.map((recorded) => recorded.action)).toEqual([
      'FILING_SUBMITTED',
      'FILING_APPROVED',
      'INVESTIGATION_STARTED',
      'EVIDENCE_ADDED',
      'TRANSFER_PROPOSED',
    ]);
    expect(oldRegion.evidence.map((item) => item.regionCode)).toEqual([KUNSHAN]);
    expect(await listed(jsSupervisor, caseNumber)).toBe(true);
    const oldActs = await graphql(
      `
        mutation ($input: DismissCaseInput!) {
          dismissCase(input: $input) {
            case {
              status
            }
          }
        }
      `,
      { input: { caseNumber, reason: '撤销' } },
      { token: jsSupervisor },
    );
    expect(refusal(oldActs)).toMatchObject({ code: 'FORBIDDEN' });

    // An unrelated region sees nothing: not the case, not in lists, not its evidence.
    expect(await view(unrelated, caseNumber)).toBeNull();
    expect(await listed(unrelated, caseNumber)).toBe(false);
    const content = await query<{ caseEvidenceContent: unknown }>(
      unrelated,
      `query ($id: ID!) { caseEvidenceContent(id: $id) { sm3Digest } }`,
      { id: newRegion.evidence[0].id },
    );
    expect(content.caseEvidenceContent).toBeNull();
  });

  it('keeps a declined transfer with the old region, out of the receiving region’s sight', async () => {
    const caseNumber = await proposedToXihu(Buffer.from(`declined transfer photo ${Date.now()}`));
    const declined = await query<{
      declineCaseTransfer: { transfer: { status: string; decisionComment: string }; case: unknown };
    }>(
      zjSupervisor,
      `mutation DeclineTransfer($input: DeclineCaseTransferInput!) { declineCaseTransfer(input: $input) { transfer { status decisionComment } case { caseNumber } } }`,
      { input: { caseNumber, reason: '该车辆已过户至江苏，不属本地管辖' } },
    );
    expect(declined.declineCaseTransfer).toEqual({
      transfer: { status: 'DECLINED', decisionComment: '该车辆已过户至江苏，不属本地管辖' },
      case: null,
    });

    expect(await view(zjSupervisor, caseNumber)).toBeNull();
    expect(await listed(zjSupervisor, caseNumber)).toBe(false);
    const oldRegion = (await view(jsSupervisor, caseNumber))!;
    expect(oldRegion).toMatchObject({
      regionCode: KUNSHAN,
      status: 'INVESTIGATING',
      transfers: [{ toRegionCode: XIHU, status: 'DECLINED' }],
      sharedWith: [],
    });
    expect(oldRegion.steps.slice(-2).map((recorded) => `${recorded.action}@${recorded.regionCode}`)).toEqual([
      `TRANSFER_PROPOSED@${KUNSHAN}`,
      `TRANSFER_DECLINED@${XIHU}`,
    ]);
    expect(await view(unrelated, caseNumber)).toBeNull();
    // The old region goes on with its case.
    const resumed = await query<{ requestAssistance: { assistanceRequest: { status: string } } }>(
      jsOfficer,
      `mutation Ask($input: RequestAssistanceInput!) { requestAssistance(input: $input) { assistanceRequest { status } } }`,
      {
        input: {
          caseNumber,
          assistingRegionCode: XIHU,
          question: '请协助核查车辆过户记录',
          sharedSummary: '浙A23456，声称已过户至江苏',
        },
      },
    );
    expect(resumed.requestAssistance.assistanceRequest.status).toBe('OPEN');
    // Every exchange step is in the audit trail, with the case number among the entities it named.
    // (Found by operation name: the trail's `entity` filter fails on MariaDB, a gateway matter.)
    const audit = await query<
      Record<string, { edges: Array<{ node: { username: string; outcome: string; entities: string } }> }>
    >(
      await tokenFor('ministry-admin'),
      `query ExchangeAudit {
        proposed: auditRecords(operationName: "ProposeTransfer", first: 20) { edges { node { username outcome entities } } }
        declined: auditRecords(operationName: "DeclineTransfer", first: 20) { edges { node { username outcome entities } } }
        asked: auditRecords(operationName: "Ask", first: 20) { edges { node { username outcome entities } } }
      }`,
    );
    const ofCase = (alias: string) =>
      audit[alias].edges.map((edge) => edge.node).filter((node) => node.entities.split(' ').includes(caseNumber));
    expect(ofCase('proposed')).toEqual([
      { username: 'js-enforcement-supervisor', outcome: 'OK', entities: expect.any(String) },
    ]);
    expect(ofCase('declined')).toEqual([
      { username: 'zj-enforcement-supervisor', outcome: 'OK', entities: expect.any(String) },
    ]);
    expect(ofCase('asked')).toEqual([{ username: 'js-pii-officer', outcome: 'OK', entities: expect.any(String) }]);
  });

  it('answers an assistance request with evidence whose digest is verified on arrival; the region asked never sees the case', async () => {
    const filed = await query<{ fileCase: { case: { caseNumber: string } } }>(
      jsOfficer,
      `mutation File($input: FileCaseInput!) { fileCase(input: $input) { case { caseNumber } } }`,
      {
        input: { regionCode: KUNSHAN, cause: '驾驶人员未取得相应从业资格', creditCode, plateNumber: '浙A23456' },
      },
    );
    const caseNumber = filed.fileCase.case.caseNumber;
    await query(
      jsSupervisor,
      `mutation ($input: CaseActionInput!) { approveCaseFiling(input: $input) { case { status } } }`,
      { input: { caseNumber } },
    );
    await query(
      jsOfficer,
      `mutation ($input: CaseActionInput!) { startCaseInvestigation(input: $input) { case { status } } }`,
      { input: { caseNumber } },
    );
    const asked = await query<{ requestAssistance: { assistanceRequest: { id: string; status: string } } }>(
      jsOfficer,
      `mutation Ask($input: RequestAssistanceInput!) { requestAssistance(input: $input) { assistanceRequest { id status } } }`,
      {
        input: {
          caseNumber,
          assistingRegionCode: XIHU,
          question: '请协助询问车辆所属业户并调取驾驶员聘用记录',
          sharedSummary: '浙A23456在昆山治超站被查，驾驶员涉嫌无从业资格证',
        },
      },
    );
    const id = asked.requestAssistance.assistanceRequest.id;

    // The region asked sees the request, with what was shared, and nothing of the case.
    const inbox = await query<{
      assistanceRequests: {
        edges: Array<{
          node: {
            id: string;
            caseNumber: string;
            question: string;
            sharedSummary: string;
            requestingRegionCode: string;
          };
        }>;
      };
    }>(
      hzOfficer,
      `query Inbox { assistanceRequests(side: ASKED, status: OPEN, first: 100) { edges { node { id caseNumber question sharedSummary requestingRegionCode } } } }`,
    );
    expect(inbox.assistanceRequests.edges.map((edge) => edge.node)).toContainEqual({
      id,
      caseNumber,
      question: '请协助询问车辆所属业户并调取驾驶员聘用记录',
      sharedSummary: '浙A23456在昆山治超站被查，驾驶员涉嫌无从业资格证',
      requestingRegionCode: KUNSHAN,
    });
    expect(await view(hzOfficer, caseNumber)).toBeNull();
    expect(await query(unrelated, `query ($id: ID!) { assistanceRequest(id: $id) { id } }`, { id })).toEqual({
      assistanceRequest: null,
    });

    // Hangzhou collects and answers; Kunshan may not answer its own request.
    const record = Buffer.from(`employment records ${Date.now()}`);
    const collected = await query<{
      addAssistanceEvidence: { evidence: { id: string; sm3Digest: string; regionCode: string } };
    }>(
      hzOfficer,
      `mutation Collect($input: AddAssistanceEvidenceInput!) { addAssistanceEvidence(input: $input) { evidence { id sm3Digest regionCode } } }`,
      {
        input: {
          assistanceRequestId: id,
          kind: 'DOCUMENT',
          title: '驾驶员聘用记录',
          fileName: 'employment.pdf',
          contentBase64: record.toString('base64'),
          collectedAt: new Date().toISOString(),
        },
      },
    );
    expect(collected.addAssistanceEvidence.evidence).toMatchObject({ sm3Digest: sm3(record), regionCode: XIHU });
    const selfAnswer = await graphql(
      `
        mutation ($input: AnswerAssistanceInput!) {
          answerAssistance(input: $input) {
            assistanceRequest {
              status
            }
          }
        }
      `,
      { input: { assistanceRequestId: id, answer: '自答' } },
      { token: jsOfficer },
    );
    expect(refusal(selfAnswer)).toMatchObject({ code: 'FORBIDDEN' });
    // Not handed over yet: the case file does not hold it.
    expect((await view(jsOfficer, caseNumber))!.evidence).toEqual([]);

    const answered = await query<{
      answerAssistance: { assistanceRequest: { status: string; evidenceVerified: number; answer: string } };
    }>(
      hzOfficer,
      `mutation Answer($input: AnswerAssistanceInput!) { answerAssistance(input: $input) { assistanceRequest { status evidenceVerified answer } } }`,
      { input: { assistanceRequestId: id, answer: '经询问，驾驶员系临时雇用，未取得从业资格证，聘用记录附后' } },
    );
    expect(answered.answerAssistance.assistanceRequest).toEqual({
      status: 'ANSWERED',
      evidenceVerified: 1,
      answer: '经询问，驾驶员系临时雇用，未取得从业资格证，聘用记录附后',
    });

    // Arrived in Kunshan's case file; the bytes read back match the digest computed here.
    const caseFile = (await view(jsOfficer, caseNumber))!;
    expect(caseFile.evidence).toEqual([
      { id: collected.addAssistanceEvidence.evidence.id, regionCode: XIHU, sm3Digest: sm3(record) },
    ]);
    expect(caseFile.steps.slice(-2).map((recorded) => `${recorded.action}@${recorded.regionCode}`)).toEqual([
      `ASSISTANCE_REQUESTED@${KUNSHAN}`,
      `ASSISTANCE_ANSWERED@${XIHU}`,
    ]);
    const content = await query<{ caseEvidenceContent: { contentBase64: string; sm3Digest: string } }>(
      jsOfficer,
      `query Content($id: ID!) { caseEvidenceContent(id: $id) { contentBase64 sm3Digest } }`,
      { id: collected.addAssistanceEvidence.evidence.id },
    );
    expect(Buffer.from(content.caseEvidenceContent.contentBase64, 'base64').equals(record)).toBe(true);
    expect(content.caseEvidenceContent.sm3Digest).toBe(sm3(record));
  });

  it('detects evidence altered in the file store, naming the item, when it is read and when it would be handed over', async () => {
    const photo = Buffer.from(`tampered photo ${Date.now()}`);
    const caseNumber = await proposedToXihu(photo);
    const [item] = (await view(jsSupervisor, caseNumber))!.evidence;
    writeFileSync(storedFileWith(photo), 'a different photograph');

    const read = await graphql(
      `
        query Content($id: ID!) {
          caseEvidenceContent(id: $id) {
            sm3Digest
          }
        }
      `,
      { id: item.id },
      { token: jsOfficer },
    );
    expect(refusal(read)).toEqual({ code: 'CONFLICT', reason: 'DIGEST_MISMATCH' });
    expect(read.errors?.[0]?.message).toBe(
      `Evidence ${item.id} "昆山治超站现场照片" (weigh-station.jpg) of case ${caseNumber} does not match its recorded SM3 digest: it was altered after it was stored`,
    );
    const handover = await graphql(
      `
        mutation AcceptTransfer($input: AcceptCaseTransferInput!) {
          acceptCaseTransfer(input: $input) {
            transfer {
              status
            }
          }
        }
      `,
      { input: { caseNumber } },
      { token: zjSupervisor },
    );
    expect(refusal(handover)).toEqual({ code: 'CONFLICT', reason: 'DIGEST_MISMATCH' });
    expect(handover.errors?.[0]?.message).toContain(`Evidence ${item.id} "昆山治超站现场照片"`);
    // Nothing moved: still Kunshan's, still awaiting the decision.
    expect(await view(jsSupervisor, caseNumber)).toMatchObject({ regionCode: KUNSHAN, status: 'TRANSFER_PENDING' });
  });
});
