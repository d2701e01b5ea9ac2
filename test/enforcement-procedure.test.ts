import { createHash } from 'node:crypto';
import { graphql, query, tokenFor, type GraphQLResponse } from './harness/single-window.client';
import { story } from './harness/story';

// The whole procedure of an enforcement case (行政处罚程序) through the gateway, each step by the role
// that takes it: a Nanjing officer investigates, the Jiangsu supervisor approves, reviews and decides.

const CASE = `query Case($caseNumber: String!) { enforcementCase(caseNumber: $caseNumber) {
  caseNumber status regionCode version penalty fineFen decisionDueDate deadlineExtensionDays
  steps { action fromStatus toStatus actor regionCode comment }
  evidence { id kind title fileName sizeBytes sm3Digest regionCode }
  proposal { penalty fineFen major proposedBy }
  legalReview { approved reviewedBy opinion }
  notice { responseDueDate hearingAvailable statement hearingWaived }
  hearing { requestedBy heldAt record recordedBy }
  execution { paidFen paymentReference executedBy }
} }`;

interface CaseView {
  caseNumber: string;
  status: string;
  regionCode: string;
  version: number;
  steps: Array<{
    action: string;
    fromStatus: string | null;
    toStatus: string;
    actor: string;
    regionCode: string;
    comment: string | null;
  }>;
  evidence: Array<{ id: string; sm3Digest: string; sizeBytes: number; regionCode: string }>;
  [field: string]: unknown;
}

function sm3(bytes: Buffer): string {
  return createHash('sm3').update(bytes).digest('hex');
}

/** A mutation with one `input`, answering `case { status version }`; the response as it came. */
async function step(
  token: string,
  name: string,
  inputType: string,
  input: Record<string, unknown>,
): Promise<GraphQLResponse<Record<string, { case: { status: string; version: number } }>>> {
  return graphql(
    `mutation Step($input: ${inputType}!) { ${name}(input: $input) { case { status version } } }`,
    { input },
    { token },
  );
}

async function statusAfter(
  token: string,
  name: string,
  inputType: string,
  input: Record<string, unknown>,
): Promise<string> {
  const response = await step(token, name, inputType, input);
  if (response.errors) throw new Error(`${name}: ${JSON.stringify(response.errors)}`);
  return response.data![name].case.status;
}

function refusal(response: GraphQLResponse<unknown>): { code?: string; reason?: string } {
  return {
    code: response.errors?.[0]?.extensions?.code,
    reason: response.errors?.[0]?.extensions?.reason,
  };
}

describe('the enforcement procedure through the gateway', () => {
  let officer: string;
  let supervisor: string;
  let creditCode: string;
  beforeAll(async () => {
    [officer, supervisor] = await Promise.all([
      tokenFor('nj-enforcement-officer'),
      tokenFor('js-enforcement-supervisor'),
    ]);
    creditCode = (await story(await tokenFor('ministry-admin')).enterprise('320102', '程序测试危险品运输有限公司'))
      .creditCode;
  });

  it('takes a major case from filing to closing, each step by the role that takes it, every step recorded', async () => {
    const filed = await query<{ fileCase: { case: { caseNumber: string; status: string } } }>(
      officer,
      `mutation File($input: FileCaseInput!) { fileCase(input: $input) { case { caseNumber status } } }`,
      {
        input: {
          regionCode: '320102',
          cause: '危险货物运输车辆未按规定悬挂警示标志',
          creditCode,
          plateNumber: '苏A12345',
        },
      },
    );
    const caseNumber = filed.fileCase.case.caseNumber;
    expect(filed.fileCase.case.status).toBe('FILING_PENDING');
    const byCase = { caseNumber };

    // 立案审批: the officer may not approve; the supervisor does.
    expect(refusal(await step(officer, 'approveCaseFiling', 'CaseActionInput', byCase))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      await statusAfter(supervisor, 'approveCaseFiling', 'CaseActionInput', { ...byCase, comment: '同意立案' }),
    ).toBe('FILED');

    // 调查取证, with a photo stored under its SM3 digest.
    expect(await statusAfter(officer, 'startCaseInvestigation', 'CaseActionInput', byCase)).toBe('INVESTIGATING');
    const photo = Buffer.from(`scene photograph of ${caseNumber}`);
    const stored = await query<{ addCaseEvidence: { evidence: { id: string; sm3Digest: string } } }>(
      officer,
      `mutation Evidence($input: AddCaseEvidenceInput!) { addCaseEvidence(input: $input) { evidence { id sm3Digest } } }`,
      {
        input: {
          ...byCase,
          kind: 'PHOTO',
          title: '警示标志缺失现场照片',
          fileName: 'scene.jpg',
          contentBase64: photo.toString('base64'),
          collectedAt: new Date(Date.now() - 600_000).toISOString(),
        },
      },
    );
    expect(stored.addCaseEvidence.evidence.sm3Digest).toBe(sm3(photo));

    // A fine of 20,000 yuan is major: legal review (法制审核) by the supervisor before the notice.
    const proposal = {
      ...byCase,
      penalty: 'FINE',
      fineFen: 2_000_000,
      summary: '依据《道路危险货物运输管理规定》拟处罚款贰万元',
    };
    expect(await statusAfter(officer, 'proposeCasePenalty', 'ProposeCasePenaltyInput', proposal)).toBe('LEGAL_REVIEW');
    expect(
      refusal(
        await step(officer, 'reviewCasePenalty', 'ReviewCasePenaltyInput', {
          ...byCase,
          approved: true,
          opinion: '同意',
        }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal(await step(officer, 'notifyCasePenalty', 'CaseActionInput', byCase))).toMatchObject({
      code: 'CONFLICT',
      reason: 'ILLEGAL_TRANSITION',
    });
    expect(
      await statusAfter(supervisor, 'reviewCasePenalty', 'ReviewCasePenaltyInput', {
        ...byCase,
        approved: true,
        opinion: '事实清楚，证据确凿，程序合法',
      }),
    ).toBe('PENALTY_PROPOSED');

    // 告知: the party may state its case and, the penalty being major, ask for a hearing; no decision meanwhile.
    expect(await statusAfter(officer, 'notifyCasePenalty', 'CaseActionInput', byCase)).toBe('NOTIFIED');
    const decision = {
      ...byCase,
      penalty: 'FINE',
      fineFen: 1_500_000,
      decisionSummary: '听证后，处罚款人民币壹万伍仟元',
    };
    expect(refusal(await step(supervisor, 'decideCase', 'DecideCaseInput', decision))).toMatchObject({
      code: 'CONFLICT',
      reason: 'RESPONSE_PERIOD_OPEN',
    });
    expect(
      await statusAfter(officer, 'recordPartyStatement', 'RecordPartyStatementInput', {
        ...byCase,
        statement: '对罚款数额有异议，申请听证',
      }),
    ).toBe('NOTIFIED');
    expect(
      await statusAfter(officer, 'requestCaseHearing', 'CaseActionInput', { ...byCase, comment: '当事人书面申请听证' }),
    ).toBe('HEARING');
    expect(
      await statusAfter(supervisor, 'recordCaseHearing', 'RecordCaseHearingInput', {
        ...byCase,
        heldAt: new Date().toISOString(),
        record: '听证会依法举行，当事人到场陈述申辩',
      }),
    ).toBe('HEARD');

    // The decision may lower the fine notified, never raise it; an officer may not decide.
    expect(refusal(await step(officer, 'decideCase', 'DecideCaseInput', decision))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      refusal(await step(supervisor, 'decideCase', 'DecideCaseInput', { ...decision, fineFen: 2_500_000 })),
    ).toMatchObject({ code: 'CONFLICT', reason: 'HEAVIER_THAN_NOTIFIED' });
    expect(await statusAfter(supervisor, 'decideCase', 'DecideCaseInput', decision)).toBe('DECIDED');

    // 执行 and 结案: closing waits for the payment.
    expect(refusal(await step(supervisor, 'closeCase', 'CaseActionInput', byCase))).toMatchObject({
      code: 'CONFLICT',
      reason: 'NOT_EXECUTED',
    });
    expect(
      await statusAfter(officer, 'recordCaseExecution', 'RecordCaseExecutionInput', {
        ...byCase,
        paidFen: 1_500_000,
        paymentReference: 'JS2026-000123',
      }),
    ).toBe('EXECUTED');
    expect(await statusAfter(supervisor, 'closeCase', 'CaseActionInput', { ...byCase, comment: '罚款已缴清' })).toBe(
      'CLOSED',
    );
    expect(refusal(await step(supervisor, 'closeCase', 'CaseActionInput', byCase))).toMatchObject({
      code: 'CONFLICT',
      reason: 'ILLEGAL_TRANSITION',
    });

    const { enforcementCase } = await query<{ enforcementCase: CaseView }>(officer, CASE, byCase);
    expect(enforcementCase).toMatchObject({
      status: 'CLOSED',
      regionCode: '320102',
      penalty: 'FINE',
      fineFen: 1_500_000,
      proposal: { penalty: 'FINE', fineFen: 2_000_000, major: true, proposedBy: 'nj-enforcement-officer' },
      legalReview: { approved: true, reviewedBy: 'js-enforcement-supervisor', opinion: '事实清楚，证据确凿，程序合法' },
      notice: { hearingAvailable: true, statement: '对罚款数额有异议，申请听证', hearingWaived: false },
      hearing: {
        requestedBy: 'nj-enforcement-officer',
        record: '听证会依法举行，当事人到场陈述申辩',
        recordedBy: 'js-enforcement-supervisor',
      },
      execution: { paidFen: 1_500_000, paymentReference: 'JS2026-000123', executedBy: 'nj-enforcement-officer' },
      evidence: [
        {
          id: stored.addCaseEvidence.evidence.id,
          sm3Digest: sm3(photo),
          sizeBytes: photo.length,
          regionCode: '320102',
        },
      ],
    });
    expect(enforcementCase.steps.map((recorded) => [recorded.action, recorded.toStatus, recorded.actor])).toEqual([
      ['FILING_SUBMITTED', 'FILING_PENDING', 'nj-enforcement-officer'],
      ['FILING_APPROVED', 'FILED', 'js-enforcement-supervisor'],
      ['INVESTIGATION_STARTED', 'INVESTIGATING', 'nj-enforcement-officer'],
      ['EVIDENCE_ADDED', 'INVESTIGATING', 'nj-enforcement-officer'],
      ['PENALTY_PROPOSED', 'LEGAL_REVIEW', 'nj-enforcement-officer'],
      ['LEGAL_REVIEW_PASSED', 'PENALTY_PROPOSED', 'js-enforcement-supervisor'],
      ['PARTY_NOTIFIED', 'NOTIFIED', 'nj-enforcement-officer'],
      ['STATEMENT_RECORDED', 'NOTIFIED', 'nj-enforcement-officer'],
      ['HEARING_REQUESTED', 'HEARING', 'nj-enforcement-officer'],
      ['HEARING_HELD', 'HEARD', 'js-enforcement-supervisor'],
      ['DECIDED', 'DECIDED', 'js-enforcement-supervisor'],
      ['EXECUTED', 'EXECUTED', 'nj-enforcement-officer'],
      ['CLOSED', 'CLOSED', 'js-enforcement-supervisor'],
    ]);
    expect(enforcementCase.steps.every((recorded) => recorded.regionCode === '320102')).toBe(true);
  });

  it('refuses a filing with reasons, extends a decision due date, and refuses a stale version', async () => {
    const file = async () =>
      (
        await query<{ fileCase: { case: { caseNumber: string } } }>(
          officer,
          `mutation ($input: FileCaseInput!) { fileCase(input: $input) { case { caseNumber } } }`,
          {
            input: { regionCode: '320102', cause: '涉嫌未按规定维护运输车辆', creditCode },
          },
        )
      ).fileCase.case.caseNumber;
    const refused = await file();
    expect(
      await statusAfter(supervisor, 'rejectCaseFiling', 'RejectCaseFilingInput', {
        caseNumber: refused,
        reason: '经核查不属于本机关管辖',
      }),
    ).toBe('NOT_FILED');

    const opened = await file();
    await statusAfter(supervisor, 'approveCaseFiling', 'CaseActionInput', { caseNumber: opened });
    const before = (
      await query<{ enforcementCase: CaseView & { decisionDueDate: string } }>(officer, CASE, { caseNumber: opened })
    ).enforcementCase;
    expect(
      refusal(
        await step(officer, 'extendCaseDeadline', 'ExtendCaseDeadlineInput', {
          caseNumber: opened,
          days: 30,
          reason: '案情复杂',
        }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const extended = await query<{
      extendCaseDeadline: { case: { decisionDueDate: string; deadlineExtensionDays: number; version: number } };
    }>(
      supervisor,
      `mutation ($input: ExtendCaseDeadlineInput!) { extendCaseDeadline(input: $input) { case { decisionDueDate deadlineExtensionDays version } } }`,
      { input: { caseNumber: opened, expectedVersion: before.version, days: 30, reason: '案情复杂，需异地调查取证' } },
    );
    const due = new Date(`${before.decisionDueDate}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() + 30);
    expect(extended.extendCaseDeadline.case).toEqual({
      decisionDueDate: due.toISOString().slice(0, 10),
      deadlineExtensionDays: 30,
      version: before.version + 1,
    });
    // The officer acts on the version seen before the extension: refused, nothing changes.
    expect(
      refusal(
        await step(officer, 'startCaseInvestigation', 'CaseActionInput', {
          caseNumber: opened,
          expectedVersion: before.version,
        }),
      ),
    ).toMatchObject({
      code: 'CONFLICT',
      reason: 'STALE_VERSION',
    });
    expect(
      (await query<{ enforcementCase: CaseView }>(officer, CASE, { caseNumber: opened })).enforcementCase.status,
    ).toBe('FILED');
  });
});
