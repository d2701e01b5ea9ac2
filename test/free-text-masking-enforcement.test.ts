import { TextKind } from '../platform/graphql/text-fields';
import { ENFORCEMENT_TEXT_FIELDS } from '../subgraphs/enforcement/enforcement.text-fields';
import {
  expectFreeTextInFull,
  expectFreeTextMasked,
  PERSONAL_TEXT,
  purposeHeaders,
  SHORT_PERSONAL_TEXT,
  valuesOfKind,
  withTypenames,
} from './harness/free-text';
import { graphql, tokenFor } from './harness/single-window.client';
import { newPlate } from './harness/story';

// Every free-text field of enforcement (the FREE_TEXT rules of enforcement.text-fields.ts), written with
// the personal information of the report (a resident ID, a phone number in full-width digits, a
// landline, a bank card, an e-mail address) through a case's whole procedure, its exchanges with another
// region, a refused filing, a dismissal and a declined transfer; then read through the gateway.

const OFFICER = 'nj-enforcement-officer'; // 320100
const SUPERVISOR = 'js-enforcement-supervisor'; // 320000
const XIHU = '330106';
const PARTY_ID = '11010519491231002X';

async function run<TData = Record<string, unknown>>(
  username: string,
  document: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<TData> {
  const result = await graphql<TData>(withTypenames(document), variables, { token: await tokenFor(username), headers });
  if (result.errors?.length || !result.data) throw new Error(`${username}: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** One step of the procedure as `username`, with the case number and the input given. */
async function step(username: string, mutation: string, inputType: string, input: Record<string, unknown>) {
  return run<Record<string, Record<string, { status?: string; id?: string }>>>(
    username,
    `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { __typename } }`,
    { input },
  );
}

async function file(extra: Record<string, unknown> = {}): Promise<string> {
  const filed = await run<{ fileCase: { case: { caseNumber: string } } }>(
    OFFICER,
    `mutation ($input: FileCaseInput!) { fileCase(input: $input) { case { caseNumber } } }`,
    { input: { regionCode: '320102', cause: PERSONAL_TEXT, plateNumber: newPlate(), ...extra } },
  );
  return filed.fileCase.case.caseNumber;
}

const CASE = `caseNumber cause decisionSummary dismissalReason filingRejectionReason partyName partyIdNumber
  sharedWith { reason } steps { comment } evidence { title fileName }
  assistanceRequests { question sharedSummary answer } transfers { reason decisionComment }
  proposal { summary } legalReview { opinion } notice { statement } hearing { record }
  execution { paymentReference note }`;
const READ = `query ($decided: String!, $refused: String!, $dismissed: String!, $declined: String!) {
  decided: enforcementCase(caseNumber: $decided) { ${CASE} }
  refused: enforcementCase(caseNumber: $refused) { ${CASE} }
  dismissed: enforcementCase(caseNumber: $dismissed) { ${CASE} }
  declined: enforcementCase(caseNumber: $declined) { ${CASE} }
}`;

describe('free text of enforcement', () => {
  let cases: Record<string, string>;

  beforeAll(async () => {
    const decided = await file({ partyName: '王五', partyIdNumber: PARTY_ID });
    const byCase = { caseNumber: decided, comment: PERSONAL_TEXT };
    await step(SUPERVISOR, 'approveCaseFiling', 'CaseActionInput', byCase);
    await step(OFFICER, 'startCaseInvestigation', 'CaseActionInput', byCase);
    await step(OFFICER, 'addCaseEvidence', 'AddCaseEvidenceInput', {
      caseNumber: decided,
      kind: 'DOCUMENT',
      title: PERSONAL_TEXT,
      fileName: `${PERSONAL_TEXT}.pdf`,
      contentBase64: Buffer.from('询问笔录').toString('base64'),
      collectedAt: new Date(Date.now() - 600_000).toISOString(),
    });
    await step(SUPERVISOR, 'shareCase', 'ShareCaseInput', {
      caseNumber: decided,
      regionCode: XIHU,
      reason: PERSONAL_TEXT,
    });
    await step(SUPERVISOR, 'extendCaseDeadline', 'ExtendCaseDeadlineInput', {
      caseNumber: decided,
      days: 10,
      reason: PERSONAL_TEXT,
    });
    const asked = await run<{ requestAssistance: { assistanceRequest: { id: string } } }>(
      OFFICER,
      `mutation ($input: RequestAssistanceInput!) { requestAssistance(input: $input) { assistanceRequest { id } } }`,
      {
        input: {
          caseNumber: decided,
          assistingRegionCode: XIHU,
          question: PERSONAL_TEXT,
          sharedSummary: PERSONAL_TEXT,
        },
      },
    );
    await step('hz-enforcement-officer', 'answerAssistance', 'AnswerAssistanceInput', {
      assistanceRequestId: asked.requestAssistance.assistanceRequest.id,
      answer: PERSONAL_TEXT,
    });
    await step(OFFICER, 'proposeCasePenalty', 'ProposeCasePenaltyInput', {
      caseNumber: decided,
      penalty: 'FINE',
      fineFen: 2_000_000,
      summary: PERSONAL_TEXT,
    });
    await step(SUPERVISOR, 'reviewCasePenalty', 'ReviewCasePenaltyInput', {
      caseNumber: decided,
      approved: true,
      opinion: PERSONAL_TEXT,
    });
    await step(OFFICER, 'notifyCasePenalty', 'CaseActionInput', byCase);
    await step(OFFICER, 'recordPartyStatement', 'RecordPartyStatementInput', {
      caseNumber: decided,
      statement: PERSONAL_TEXT,
    });
    await step(OFFICER, 'requestCaseHearing', 'CaseActionInput', byCase);
    await step(SUPERVISOR, 'recordCaseHearing', 'RecordCaseHearingInput', {
      caseNumber: decided,
      heldAt: new Date().toISOString(),
      record: PERSONAL_TEXT,
    });
    await step(SUPERVISOR, 'decideCase', 'DecideCaseInput', {
      caseNumber: decided,
      penalty: 'FINE',
      fineFen: 1_500_000,
      decisionSummary: PERSONAL_TEXT,
    });
    await step(OFFICER, 'recordCaseExecution', 'RecordCaseExecutionInput', {
      caseNumber: decided,
      paidFen: 1_500_000,
      paymentReference: SHORT_PERSONAL_TEXT,
      note: PERSONAL_TEXT,
    });

    const refused = await file();
    await step(SUPERVISOR, 'rejectCaseFiling', 'RejectCaseFilingInput', { caseNumber: refused, reason: PERSONAL_TEXT });
    const dismissed = await file();
    await step(SUPERVISOR, 'approveCaseFiling', 'CaseActionInput', { caseNumber: dismissed });
    await step(SUPERVISOR, 'dismissCase', 'DismissCaseInput', { caseNumber: dismissed, reason: PERSONAL_TEXT });
    const declined = await file();
    await step(SUPERVISOR, 'approveCaseFiling', 'CaseActionInput', { caseNumber: declined });
    await step(SUPERVISOR, 'proposeCaseTransfer', 'ProposeCaseTransferInput', {
      caseNumber: declined,
      toRegionCode: XIHU,
      reason: PERSONAL_TEXT,
    });
    await step('zj-enforcement-supervisor', 'declineCaseTransfer', 'DeclineCaseTransferInput', {
      caseNumber: declined,
      reason: PERSONAL_TEXT,
    });
    cases = { decided, refused, dismissed, declined };
  });

  it('is masked for the supervisor handling the cases, who holds no pii-reader, in every free-text field', async () => {
    const read = await run(SUPERVISOR, READ, cases);
    expectFreeTextMasked(read, ENFORCEMENT_TEXT_FIELDS);
    expect(
      valuesOfKind(read, ENFORCEMENT_TEXT_FIELDS, TextKind.PERSON_NAME).get('EnforcementCase.partyName'),
    ).toContain('王*');
    expect(
      valuesOfKind(read, ENFORCEMENT_TEXT_FIELDS, TextKind.RESIDENT_ID).get('EnforcementCase.partyIdNumber'),
    ).toContain('1101**********002X');
  });

  it('masks the cause exactly as the partyIdNumber beside it, the issue’s own example', async () => {
    const read = await run<{ decided: { cause: string; partyIdNumber: string } }>(OFFICER, READ, cases);
    expect(read.decided.partyIdNumber).toBe('1101**********002X');
    expect(read.decided.cause).toBe(
      '当事人王五（身份证号1101**********002X，手机138****5678，座机025****3456，卡号6222***********0123，邮箱w***@example.com）',
    );
  });

  it('is masked for a pii-reader who declared no purpose, and shown in full once one is declared', async () => {
    expectFreeTextMasked(await run('js-pii-officer', READ, cases), ENFORCEMENT_TEXT_FIELDS);
    const inFull = await run('js-pii-officer', READ, cases, purposeHeaders('ENFORCEMENT_INVESTIGATION', '核实当事人'));
    expectFreeTextInFull(inFull, ENFORCEMENT_TEXT_FIELDS);
    expect(
      valuesOfKind(inFull, ENFORCEMENT_TEXT_FIELDS, TextKind.RESIDENT_ID).get('EnforcementCase.partyIdNumber'),
    ).toContain(PARTY_ID);
  });

  it('is masked where the region asked for assistance reads the request', async () => {
    const inbox = await run(
      'hz-enforcement-officer',
      `{ assistanceRequests(side: ASKED, first: 100) { edges { node { caseNumber question sharedSummary answer } } } }`,
    );
    const values = valuesOfKind(inbox, ENFORCEMENT_TEXT_FIELDS, TextKind.FREE_TEXT);
    expect(values.get('AssistanceRequest.question')).toContain(
      '当事人王五（身份证号1101**********002X，手机138****5678，座机025****3456，卡号6222***********0123，邮箱w***@example.com）',
    );
    expect(JSON.stringify(inbox)).not.toContain(PARTY_ID);
  });
});
