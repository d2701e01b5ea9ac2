import { KUNSHAN, XIHU, sm3, refusal, viewCase, exchangeParties } from './harness/case-exchange';
import { graphql, query } from './harness/single-window.client';

// Assistance requests between regions: the region asked answers with evidence and never sees the case.
// Who acts, and the helpers: test/harness/case-exchange.ts.

describe('cases exchanged between regions: assistance requests (协查)', () => {
  let jsSupervisor: string;
  let jsOfficer: string;
  let hzOfficer: string;
  let unrelated: string;
  let creditCode: string;
  beforeAll(async () => {
    ({ jsSupervisor, jsOfficer, hzOfficer, unrelated, creditCode } = await exchangeParties());
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
    expect(await viewCase(hzOfficer, caseNumber)).toBeNull();
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
    expect((await viewCase(jsOfficer, caseNumber))!.evidence).toEqual([]);

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
    const caseFile = (await viewCase(jsOfficer, caseNumber))!;
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
});
