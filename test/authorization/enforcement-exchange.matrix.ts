import {
  ASKED_BY_JIANGSU,
  ASKED_ELSEWHERE,
  ASKED_OF_JIANGSU,
  at,
  caseSpec,
  EVERYWHERE,
  expectListed,
  expectUnlisted,
  fixtureRecord,
  HANDLING_REGION_ACTS,
  IN_REGION,
  JIANGSU,
  JS_CASE,
  lookup,
  mutation,
  OTHER_SIDE_ACTS,
  OUT_ABSENT,
  OUT_REGION,
  SHARED_CASE,
  textAt,
  transferSpec,
  ZJ_CASE,
  type DepartmentMatrix,
  type FixtureSpec,
  type Json,
  type OperationProbe,
  type Variant,
  type VariantProbe,
} from './matrix.dsl';

// Enforcement (执法), between regions: case sharing (案件共享), transfers (移送) and assistance requests (协查).
// Rows of the authorization matrix (test/authorization-matrix.test.ts), written out by hand from
// permission.policy.ts, the resolvers' @Authorized rules and region-scope.ts; not computed from them.

// Who may call what: Y allowed, - refused with FORBIDDEN whatever the region.
// Columns:                                lic-off lic-rev enf-off enf-sup credit safety stats pii admin p-adm approver
const WHO_MAY = {
  'Query.assistanceRequest': '-       -       Y       Y       -      -      -     Y   Y     -     -',
  'Query.assistanceRequests': '-       -       Y       Y       -      -      -     Y   Y     -     -',
  'Mutation.shareCase': '-       -       -       Y       -      -      -     -   Y     -     -',
  'Mutation.revokeCaseShare': '-       -       -       Y       -      -      -     -   Y     -     -',
  'Mutation.proposeCaseTransfer': '-       -       -       Y       -      -      -     -   Y     -     -',
  'Mutation.acceptCaseTransfer': '-       -       -       Y       -      -      -     -   Y     -     -',
  'Mutation.declineCaseTransfer': '-       -       -       Y       -      -      -     -   Y     -     -',
  'Mutation.requestAssistance': '-       -       Y       -       -      -      -     Y   Y     -     -',
  'Mutation.addAssistanceEvidence': '-       -       Y       -       -      -      -     Y   Y     -     -',
  'Mutation.answerAssistance': '-       -       Y       -       -      -      -     Y   Y     -     -',
} as const;

type Operation = keyof typeof WHO_MAY;

// What an allowed role gets, as "national jiangsu nanjing" (the notation is explained in matrix.dsl.ts).
const REGION_RULES: Record<Operation, Partial<Record<Variant, string>>> = {
  // A request is seen by the region asked and by the region asking (handling the case).
  'Query.assistanceRequest': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT, outgoing: EVERYWHERE },
  'Query.assistanceRequests': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT, outgoing: EVERYWHERE },
  'Mutation.shareCase': HANDLING_REGION_ACTS,
  'Mutation.revokeCaseShare': HANDLING_REGION_ACTS,
  'Mutation.proposeCaseTransfer': HANDLING_REGION_ACTS,
  // The receiving region decides a transfer, the region asked answers: the asking region sees but may not.
  'Mutation.acceptCaseTransfer': OTHER_SIDE_ACTS,
  'Mutation.declineCaseTransfer': OTHER_SIDE_ACTS,
  'Mutation.requestAssistance': HANDLING_REGION_ACTS,
  'Mutation.addAssistanceEvidence': OTHER_SIDE_ACTS,
  'Mutation.answerAssistance': OTHER_SIDE_ACTS,
};

// How each cell is probed: the records it needs, the request, and what "ok" and "absent" look like.
const assistanceLookup = lookup('assistanceRequest', 'id', 'ID!', 'id status caseNumber sharedSummary', 'id');
/** The caller's assistance requests, asked of or by its region: the request listed, or neither listed nor counted. */
function assistanceList(fixture: FixtureSpec): VariantProbe {
  return {
    fixture,
    request: () => ({
      document: `{ assistanceRequests(first: 100) { totalCount edges { node { id } } } }`,
      variables: {},
    }),
    ok: (data, context) => expectListed(at(data, 'assistanceRequests'), 'id', context.record),
    absent: (data, context) => expectUnlisted(at(data, 'assistanceRequests'), 'id', context.record),
  };
}
// Case sharing (案件共享协查): shareCase / revokeCaseShare answer the case with its active shares.
function regionsSharedWith(payload: Json | undefined): string[] {
  const shares = at(payload, 'case.sharedWith');
  if (!Array.isArray(shares)) throw new Error(`no sharedWith list: ${JSON.stringify(payload)}`);
  return shares.map((share) => textAt(share, 'regionCode'));
}
const shareProbe = mutation('shareCase', 'ShareCaseInput', 'case { caseNumber sharedWith { regionCode reason } }');
const revokeProbe = mutation(
  'revokeCaseShare',
  'RevokeCaseShareInput',
  'case { caseNumber sharedWith { regionCode reason } }',
);
const shareCase = (fixture: FixtureSpec, withRegion: string) =>
  shareProbe(
    (context) => ({ caseNumber: context.record, regionCode: withRegion, reason: '跨区域协查' }),
    (payload, context) => {
      expect(at(payload, 'case.caseNumber')).toBe(context.record);
      expect(regionsSharedWith(payload)).toContain(withRegion);
    },
    fixture,
  );
const revokeCaseShare = (fixture: FixtureSpec & { kind: 'case'; sharedWith: string }) =>
  revokeProbe(
    (context) => ({ caseNumber: context.record, regionCode: fixture.sharedWith }),
    (payload, context) => {
      expect(at(payload, 'case.caseNumber')).toBe(context.record);
      expect(regionsSharedWith(payload)).not.toContain(fixture.sharedWith);
    },
    fixture,
  );
const proposeTransfer = (fixture: FixtureSpec, toRegionCode: string) =>
  mutation(
    'proposeCaseTransfer',
    'ProposeCaseTransferInput',
    'transfer { status toRegionCode } case { caseNumber status }',
  )(
    (context) => ({ caseNumber: context.record, toRegionCode, reason: '矩阵测试：移送属地管辖' }),
    (payload, context) => {
      expect(at(payload, 'transfer')).toEqual({ status: 'PROPOSED', toRegionCode });
      expect(at(payload, 'case')).toEqual({ caseNumber: context.record, status: 'TRANSFER_PENDING' });
    },
    fixture,
  );
const transferDecision =
  (field: 'acceptCaseTransfer' | 'declineCaseTransfer', status: 'ACCEPTED' | 'DECLINED') => (fixture: FixtureSpec) =>
    mutation(
      field,
      field === 'acceptCaseTransfer' ? 'AcceptCaseTransferInput' : 'DeclineCaseTransferInput',
      'transfer { status }',
    )(
      (context) =>
        field === 'acceptCaseTransfer'
          ? { caseNumber: context.record }
          : { caseNumber: context.record, reason: '矩阵测试：不属本地管辖' },
      (payload) => expect(at(payload, 'transfer.status')).toBe(status),
      fixture,
    );
const acceptTransfer = transferDecision('acceptCaseTransfer', 'ACCEPTED');
const declineTransfer = transferDecision('declineCaseTransfer', 'DECLINED');
const requestAssistance = (fixture: FixtureSpec, asked: string) =>
  mutation(
    'requestAssistance',
    'RequestAssistanceInput',
    'assistanceRequest { status assistingRegionCode } case { caseNumber }',
  )(
    (context) => ({
      caseNumber: context.record,
      assistingRegionCode: asked,
      question: '矩阵测试：请协助核查',
      sharedSummary: '矩阵测试车辆',
    }),
    (payload, context) => {
      expect(at(payload, 'assistanceRequest')).toEqual({ status: 'OPEN', assistingRegionCode: asked });
      expect(at(payload, 'case.caseNumber')).toBe(context.record);
    },
    fixture,
  );
const addAssistanceEvidence = (fixture: FixtureSpec) =>
  mutation('addAssistanceEvidence', 'AddAssistanceEvidenceInput', 'evidence { sm3Digest } assistanceRequest { id }')(
    (context) => ({
      assistanceRequestId: context.record,
      kind: 'DOCUMENT',
      title: '矩阵测试记录',
      fileName: 'matrix.pdf',
      contentBase64: Buffer.from('records').toString('base64'),
      collectedAt: new Date(Date.now() - 60_000).toISOString(),
    }),
    (payload, context) => expect(at(payload, 'assistanceRequest.id')).toBe(context.record),
    fixture,
  );
const answerAssistance = (fixture: FixtureSpec) =>
  mutation('answerAssistance', 'AnswerAssistanceInput', 'assistanceRequest { id status }')(
    (context) => ({ assistanceRequestId: context.record, answer: '矩阵测试：已核查' }),
    (payload, context) => expect(at(payload, 'assistanceRequest')).toEqual({ id: context.record, status: 'ANSWERED' }),
    fixture,
  );

const PROBES: Record<Operation, OperationProbe> = {
  'Query.assistanceRequest': {
    field: 'assistanceRequest',
    write: false,
    variants: {
      'in-region': assistanceLookup(fixtureRecord, ASKED_OF_JIANGSU),
      'out-of-region': assistanceLookup(fixtureRecord, ASKED_ELSEWHERE),
      outgoing: assistanceLookup(fixtureRecord, ASKED_BY_JIANGSU),
    },
  },
  'Query.assistanceRequests': {
    field: 'assistanceRequests',
    write: false,
    variants: {
      'in-region': assistanceList(ASKED_OF_JIANGSU),
      'out-of-region': assistanceList(ASKED_ELSEWHERE),
      outgoing: assistanceList(ASKED_BY_JIANGSU),
    },
  },
  'Mutation.shareCase': {
    field: 'shareCase',
    write: true,
    variants: {
      'in-region': shareCase(JS_CASE, OUT_REGION),
      'out-of-region': shareCase(ZJ_CASE, JIANGSU),
      shared: shareCase(SHARED_CASE, '320500'),
    },
  },
  'Mutation.revokeCaseShare': {
    field: 'revokeCaseShare',
    write: true,
    variants: {
      'in-region': revokeCaseShare({ kind: 'case', status: 'FILED', region: IN_REGION, sharedWith: OUT_REGION }),
      'out-of-region': revokeCaseShare({ kind: 'case', status: 'FILED', region: OUT_REGION, sharedWith: '330200' }),
      shared: revokeCaseShare({ kind: 'case', status: 'FILED', region: OUT_REGION, sharedWith: JIANGSU }),
    },
  },
  'Mutation.proposeCaseTransfer': {
    field: 'proposeCaseTransfer',
    write: true,
    variants: {
      'in-region': proposeTransfer(caseSpec('FILED', IN_REGION), OUT_REGION),
      'out-of-region': proposeTransfer(caseSpec('FILED', OUT_REGION), IN_REGION),
      shared: proposeTransfer(caseSpec('FILED', OUT_REGION, JIANGSU), '320500'),
    },
  },
  'Mutation.acceptCaseTransfer': {
    field: 'acceptCaseTransfer',
    write: true,
    variants: {
      'in-region': acceptTransfer(transferSpec(OUT_REGION, IN_REGION)),
      'out-of-region': acceptTransfer(transferSpec(OUT_REGION, '330102')),
      outgoing: acceptTransfer(transferSpec(IN_REGION, OUT_REGION)),
    },
  },
  'Mutation.declineCaseTransfer': {
    field: 'declineCaseTransfer',
    write: true,
    variants: {
      'in-region': declineTransfer(transferSpec(OUT_REGION, IN_REGION)),
      'out-of-region': declineTransfer(transferSpec(OUT_REGION, '330102')),
      outgoing: declineTransfer(transferSpec(IN_REGION, OUT_REGION)),
    },
  },
  'Mutation.requestAssistance': {
    field: 'requestAssistance',
    write: true,
    variants: {
      'in-region': requestAssistance(caseSpec('INVESTIGATING', IN_REGION), OUT_REGION),
      'out-of-region': requestAssistance(caseSpec('INVESTIGATING', OUT_REGION), IN_REGION),
      shared: requestAssistance(caseSpec('INVESTIGATING', OUT_REGION, JIANGSU), '320500'),
    },
  },
  'Mutation.addAssistanceEvidence': {
    field: 'addAssistanceEvidence',
    write: true,
    variants: {
      'in-region': addAssistanceEvidence(ASKED_OF_JIANGSU),
      'out-of-region': addAssistanceEvidence(ASKED_ELSEWHERE),
      outgoing: addAssistanceEvidence(ASKED_BY_JIANGSU),
    },
  },
  'Mutation.answerAssistance': {
    field: 'answerAssistance',
    write: true,
    variants: {
      'in-region': answerAssistance(ASKED_OF_JIANGSU),
      'out-of-region': answerAssistance(ASKED_ELSEWHERE),
      outgoing: answerAssistance(ASKED_BY_JIANGSU),
    },
  },
};

export const ENFORCEMENT_EXCHANGE_MATRIX: DepartmentMatrix<Operation> = {
  whoMay: WHO_MAY,
  regionRules: REGION_RULES,
  probes: PROBES,
};
