import {
  at,
  childList,
  EVERYWHERE,
  evidenceSpec,
  fixtureRecord,
  HANDLING_REGION_ACTS,
  IN_REGION,
  JIANGSU,
  JS_CASE,
  listing,
  lookup,
  mutation,
  onCasesIn,
  OUT_ABSENT,
  OUT_FORBIDDEN,
  OUT_REGION,
  SHARED_CASE,
  SHARED_ELSEWHERE_CASE,
  step,
  ZJ_CASE,
  type DepartmentMatrix,
  type FixtureSpec,
  type OperationProbe,
  type Variant,
} from './matrix.dsl';
import { caseInput } from './matrix.fixtures';

// Enforcement (执法), the cases: reads, filing, the penalty procedure, evidence, closing.
// Rows of the authorization matrix (test/authorization-matrix.test.ts), written out by hand from
// permission.policy.ts, the resolvers' @Authorized rules and region-scope.ts; not computed from them.

// Who may call what: Y allowed, - refused with FORBIDDEN whatever the region.
// Columns:                                lic-off lic-rev enf-off enf-sup credit safety stats pii admin p-adm approver
const WHO_MAY = {
  'Query.enforcementCase': '-       -       Y       Y       Y      -      -     Y   Y     -     -',
  'Query.enforcementCases': '-       -       Y       Y       Y      -      -     Y   Y     -     -',
  'Query.overdueCases': '-       -       Y       Y       Y      -      -     Y   Y     -     -',
  'Query.caseEvidenceContent': '-       -       Y       Y       -      -      -     Y   Y     -     -',
  'Mutation.fileCase': '-       -       Y       -       -      -      -     Y   Y     -     -',
  'Mutation.approveCaseFiling': '-       -       -       Y       -      -      -     -   Y     -     -',
  'Mutation.rejectCaseFiling': '-       -       -       Y       -      -      -     -   Y     -     -',
  'Mutation.startCaseInvestigation': '-       -       Y       -       -      -      -     Y   Y     -     -',
  'Mutation.addCaseEvidence': '-       -       Y       -       -      -      -     Y   Y     -     -',
  'Mutation.extendCaseDeadline': '-       -       -       Y       -      -      -     -   Y     -     -',
  'Mutation.proposeCasePenalty': '-       -       Y       -       -      -      -     Y   Y     -     -',
  'Mutation.reviewCasePenalty': '-       -       -       Y       -      -      -     -   Y     -     -',
  'Mutation.notifyCasePenalty': '-       -       Y       -       -      -      -     Y   Y     -     -',
  'Mutation.recordPartyStatement': '-       -       Y       -       -      -      -     Y   Y     -     -',
  'Mutation.requestCaseHearing': '-       -       Y       -       -      -      -     Y   Y     -     -',
  'Mutation.recordCaseHearing': '-       -       -       Y       -      -      -     -   Y     -     -',
  'Mutation.decideCase': '-       -       -       Y       -      -      -     -   Y     -     -',
  'Mutation.recordCaseExecution': '-       -       Y       -       -      -      -     Y   Y     -     -',
  'Mutation.closeCase': '-       -       -       Y       -      -      -     -   Y     -     -',
  'Mutation.dismissCase': '-       -       -       Y       -      -      -     -   Y     -     -',
  'Enterprise.enforcementCases': '-       -       Y       Y       Y      -      -     Y   Y     -     -',
} as const;

type Operation = keyof typeof WHO_MAY;

// What an allowed role gets, as "national jiangsu nanjing" (the notation is explained in matrix.dsl.ts).
const REGION_RULES: Record<Operation, Partial<Record<Variant, string>>> = {
  // A share with 320000 is a share with a region in a Jiangsu officer's scope, not in Nanjing's.
  'Query.enforcementCase': {
    'in-region': EVERYWHERE,
    'out-of-region': OUT_ABSENT,
    shared: 'ok ok absent',
    'shared-elsewhere': 'ok ok absent',
  },
  'Query.enforcementCases': {
    'in-region': EVERYWHERE,
    'out-of-region': OUT_ABSENT,
    shared: 'ok ok absent',
    'shared-elsewhere': 'ok ok absent',
  },
  // No case can be overdue inside a test run (the due date is 90 days after filing), so only roles.
  'Query.overdueCases': { 'in-region': EVERYWHERE },
  // Evidence is read wherever its case is read (a read share shows the whole case file).
  'Query.caseEvidenceContent': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT, shared: 'ok ok absent' },
  // A filing is submitted (FILING_PENDING) for a supervisor's approval.
  'Mutation.fileCase': { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN },
  // A shared case is read, never acted on, by the regions it is shared with: only the handling region acts.
  'Mutation.approveCaseFiling': HANDLING_REGION_ACTS,
  'Mutation.rejectCaseFiling': HANDLING_REGION_ACTS,
  'Mutation.startCaseInvestigation': HANDLING_REGION_ACTS,
  'Mutation.addCaseEvidence': HANDLING_REGION_ACTS,
  'Mutation.extendCaseDeadline': HANDLING_REGION_ACTS,
  'Mutation.proposeCasePenalty': HANDLING_REGION_ACTS,
  'Mutation.reviewCasePenalty': HANDLING_REGION_ACTS,
  'Mutation.notifyCasePenalty': HANDLING_REGION_ACTS,
  'Mutation.recordPartyStatement': HANDLING_REGION_ACTS,
  'Mutation.requestCaseHearing': HANDLING_REGION_ACTS,
  'Mutation.recordCaseHearing': HANDLING_REGION_ACTS,
  'Mutation.decideCase': HANDLING_REGION_ACTS,
  'Mutation.recordCaseExecution': HANDLING_REGION_ACTS,
  'Mutation.closeCase': HANDLING_REGION_ACTS,
  'Mutation.dismissCase': HANDLING_REGION_ACTS,
  'Enterprise.enforcementCases': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT, shared: 'ok ok absent' },
};

// How each cell is probed: the records it needs, the request, and what "ok" and "absent" look like.
const caseLookup = lookup('enforcementCase', 'caseNumber', 'String!', 'caseNumber regionCode status', 'caseNumber');
const evidenceLookup = lookup('caseEvidenceContent', 'id', 'ID!', 'evidence { id } sm3Digest', 'evidence.id');
const caseList = listing('enforcementCases', '', 'caseNumber');
const fileCase = mutation('fileCase', 'FileCaseInput', 'case { caseNumber status regionCode }');
const approveFiling = step('approveCaseFiling', 'CaseActionInput', 'caseNumber', 'case', 'FILED');
const rejectFiling = step('rejectCaseFiling', 'RejectCaseFilingInput', 'caseNumber', 'case', 'NOT_FILED', {
  reason: '不属于本机关管辖',
});
const startInvestigation = step('startCaseInvestigation', 'CaseActionInput', 'caseNumber', 'case', 'INVESTIGATING');
const extendDeadline = step('extendCaseDeadline', 'ExtendCaseDeadlineInput', 'caseNumber', 'case', 'INVESTIGATING', {
  days: 10,
  reason: '案情复杂',
});
const proposePenalty = step('proposeCasePenalty', 'ProposeCasePenaltyInput', 'caseNumber', 'case', 'PENALTY_PROPOSED', {
  penalty: 'WARNING',
  summary: '拟警告',
});
const reviewPenalty = step('reviewCasePenalty', 'ReviewCasePenaltyInput', 'caseNumber', 'case', 'PENALTY_PROPOSED', {
  approved: true,
  opinion: '同意',
});
const notifyPenalty = step('notifyCasePenalty', 'CaseActionInput', 'caseNumber', 'case', 'NOTIFIED');
const recordStatement = step('recordPartyStatement', 'RecordPartyStatementInput', 'caseNumber', 'case', 'NOTIFIED', {
  statement: '无异议',
});
const requestHearing = step('requestCaseHearing', 'CaseActionInput', 'caseNumber', 'case', 'HEARING');
const recordHearing = (fixture: FixtureSpec) =>
  mutation('recordCaseHearing', 'RecordCaseHearingInput', 'case { caseNumber status }')(
    (context) => ({ caseNumber: context.record, heldAt: new Date().toISOString(), record: '听证笔录' }),
    (payload, context) => expect(at(payload, 'case')).toEqual({ caseNumber: context.record, status: 'HEARD' }),
    fixture,
  );
const decideCase = step('decideCase', 'DecideCaseInput', 'caseNumber', 'case', 'DECIDED', {
  penalty: 'WARNING',
  decisionSummary: '责令改正，给予警告。',
});
const recordExecution = step('recordCaseExecution', 'RecordCaseExecutionInput', 'caseNumber', 'case', 'EXECUTED', {
  note: '处罚决定书已送达',
});
const closeCase = step('closeCase', 'CaseActionInput', 'caseNumber', 'case', 'CLOSED', {
  comment: '当事人已履行处罚决定',
});
const addEvidence = (fixture: FixtureSpec) =>
  mutation('addCaseEvidence', 'AddCaseEvidenceInput', 'evidence { sm3Digest } case { caseNumber }')(
    (context) => ({
      caseNumber: context.record,
      kind: 'PHOTO',
      title: '矩阵测试照片',
      fileName: 'matrix.jpg',
      contentBase64: Buffer.from('matrix').toString('base64'),
      collectedAt: new Date(Date.now() - 60_000).toISOString(),
    }),
    (payload, context) => {
      expect(at(payload, 'case.caseNumber')).toBe(context.record);
      expect(at(payload, 'evidence.sm3Digest')).toMatch(/^[0-9a-f]{64}$/);
    },
    fixture,
  );
const dismissCase = step('dismissCase', 'DismissCaseInput', 'caseNumber', 'case', 'DISMISSED', {
  reason: '违法事实不能成立',
});

const PROBES: Record<Operation, OperationProbe> = {
  'Query.enforcementCase': {
    field: 'enforcementCase',
    write: false,
    variants: {
      'in-region': caseLookup(fixtureRecord, JS_CASE),
      'out-of-region': caseLookup(fixtureRecord, ZJ_CASE),
      shared: caseLookup(fixtureRecord, SHARED_CASE),
      'shared-elsewhere': caseLookup(fixtureRecord, SHARED_ELSEWHERE_CASE),
    },
  },
  'Query.enforcementCases': {
    field: 'enforcementCases',
    write: false,
    variants: {
      'in-region': caseList(IN_REGION, fixtureRecord, JS_CASE),
      'out-of-region': caseList(OUT_REGION, fixtureRecord, ZJ_CASE),
      // Unfiltered: a shared case is listed wherever the caller's own list is.
      shared: caseList(null, fixtureRecord, SHARED_CASE),
      'shared-elsewhere': caseList(null, fixtureRecord, SHARED_ELSEWHERE_CASE),
    },
  },
  'Query.overdueCases': {
    field: 'overdueCases',
    write: false,
    variants: {
      'in-region': {
        request: () => ({
          document: `query ($region: String) { overdueCases(regionCode: $region, first: 10) { totalCount edges { node { caseNumber } } } }`,
          variables: { region: IN_REGION },
        }),
        ok: (data) => expect(at(data, 'overdueCases.totalCount')).toEqual(expect.any(Number)),
      },
    },
  },
  'Query.caseEvidenceContent': {
    field: 'caseEvidenceContent',
    write: false,
    variants: {
      'in-region': evidenceLookup(fixtureRecord, evidenceSpec(IN_REGION)),
      'out-of-region': evidenceLookup(fixtureRecord, evidenceSpec(OUT_REGION)),
      shared: evidenceLookup(fixtureRecord, evidenceSpec(OUT_REGION, JIANGSU)),
    },
  },
  'Mutation.fileCase': {
    field: 'fileCase',
    write: true,
    variants: Object.fromEntries(
      (
        [
          ['in-region', IN_REGION],
          ['out-of-region', OUT_REGION],
        ] as const
      ).map(([variant, region]) => [
        variant,
        fileCase(caseInput(region), (payload) => {
          expect(at(payload, 'case.status')).toBe('FILING_PENDING');
          expect(at(payload, 'case.regionCode')).toBe(region);
        }),
      ]),
    ),
  },
  'Mutation.approveCaseFiling': {
    field: 'approveCaseFiling',
    write: true,
    variants: onCasesIn('FILING_PENDING', approveFiling),
  },
  'Mutation.rejectCaseFiling': {
    field: 'rejectCaseFiling',
    write: true,
    variants: onCasesIn('FILING_PENDING', rejectFiling),
  },
  'Mutation.startCaseInvestigation': {
    field: 'startCaseInvestigation',
    write: true,
    variants: {
      'in-region': startInvestigation(JS_CASE),
      'out-of-region': startInvestigation(ZJ_CASE),
      shared: startInvestigation(SHARED_CASE),
    },
  },
  'Mutation.addCaseEvidence': {
    field: 'addCaseEvidence',
    write: true,
    variants: onCasesIn('INVESTIGATING', addEvidence),
  },
  'Mutation.extendCaseDeadline': {
    field: 'extendCaseDeadline',
    write: true,
    variants: onCasesIn('INVESTIGATING', extendDeadline),
  },
  'Mutation.proposeCasePenalty': {
    field: 'proposeCasePenalty',
    write: true,
    variants: onCasesIn('INVESTIGATING', proposePenalty),
  },
  'Mutation.reviewCasePenalty': {
    field: 'reviewCasePenalty',
    write: true,
    variants: onCasesIn('LEGAL_REVIEW', reviewPenalty),
  },
  'Mutation.notifyCasePenalty': {
    field: 'notifyCasePenalty',
    write: true,
    variants: onCasesIn('PENALTY_PROPOSED', notifyPenalty),
  },
  'Mutation.recordPartyStatement': {
    field: 'recordPartyStatement',
    write: true,
    variants: onCasesIn('NOTIFIED', recordStatement),
  },
  'Mutation.requestCaseHearing': {
    field: 'requestCaseHearing',
    write: true,
    variants: onCasesIn('NOTIFIED', requestHearing),
  },
  'Mutation.recordCaseHearing': {
    field: 'recordCaseHearing',
    write: true,
    variants: onCasesIn('HEARING', recordHearing),
  },
  'Mutation.decideCase': { field: 'decideCase', write: true, variants: onCasesIn('READY', decideCase) },
  'Mutation.recordCaseExecution': {
    field: 'recordCaseExecution',
    write: true,
    variants: onCasesIn('DECIDED', recordExecution),
  },
  'Mutation.closeCase': { field: 'closeCase', write: true, variants: onCasesIn('EXECUTED', closeCase) },
  'Mutation.dismissCase': {
    field: 'dismissCase',
    write: true,
    variants: {
      'in-region': dismissCase(JS_CASE),
      'out-of-region': dismissCase(ZJ_CASE),
      shared: dismissCase(SHARED_CASE),
    },
  },
  'Enterprise.enforcementCases': {
    field: 'enforcementCases',
    enterpriseField: true,
    write: false,
    variants: {
      'in-region': childList('enforcementCases', 'caseNumber')(fixtureRecord, JS_CASE),
      'out-of-region': childList('enforcementCases', 'caseNumber')(fixtureRecord, ZJ_CASE),
      shared: childList('enforcementCases', 'caseNumber')(fixtureRecord, SHARED_CASE),
    },
  },
};

export const ENFORCEMENT_CASES_MATRIX: DepartmentMatrix<Operation> = {
  whoMay: WHO_MAY,
  regionRules: REGION_RULES,
  probes: PROBES,
};
