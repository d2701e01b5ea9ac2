import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { isEnumType, isInputObjectType, isObjectType, parse, type GraphQLSchema } from 'graphql';
import { expect } from '@jest/globals';
import { licensingSubgraph } from '../licensing/licensing.subgraph';
import { buildSchema } from './enforcement.subgraph';

// The contract: what the schema offers and that it composes. Served on a database: enforcement.schema.*.spec.ts.

describe('the enforcement schema', () => {
  let schema: GraphQLSchema;
  let sdl: string;
  beforeAll(async () => {
    schema = await buildSchema();
    sdl = printSubgraphSchema(schema);
  });

  it('offers the queries, mutations and entity fields of the contract', () => {
    const mutations = schema.getMutationType()!.getFields();
    expect(
      Object.fromEntries(
        Object.values(mutations).map((mutation) => [
          mutation.name,
          `${mutation.args.map((arg) => `${arg.name}: ${String(arg.type)}`).join(', ')} -> ${String(mutation.type)}`,
        ]),
      ),
    ).toEqual({
      fileCase: 'input: FileCaseInput! -> CasePayload!',
      approveCaseFiling: 'input: CaseActionInput! -> CasePayload!',
      rejectCaseFiling: 'input: RejectCaseFilingInput! -> CasePayload!',
      startCaseInvestigation: 'input: CaseActionInput! -> CasePayload!',
      closeCase: 'input: CaseActionInput! -> CasePayload!',
      dismissCase: 'input: DismissCaseInput! -> CasePayload!',
      extendCaseDeadline: 'input: ExtendCaseDeadlineInput! -> CasePayload!',
      shareCase: 'input: ShareCaseInput! -> CasePayload!',
      revokeCaseShare: 'input: RevokeCaseShareInput! -> CasePayload!',
      proposeCasePenalty: 'input: ProposeCasePenaltyInput! -> CasePayload!',
      reviewCasePenalty: 'input: ReviewCasePenaltyInput! -> CasePayload!',
      notifyCasePenalty: 'input: CaseActionInput! -> CasePayload!',
      recordPartyStatement: 'input: RecordPartyStatementInput! -> CasePayload!',
      requestCaseHearing: 'input: CaseActionInput! -> CasePayload!',
      recordCaseHearing: 'input: RecordCaseHearingInput! -> CasePayload!',
      decideCase: 'input: DecideCaseInput! -> CasePayload!',
      recordCaseExecution: 'input: RecordCaseExecutionInput! -> CasePayload!',
      addCaseEvidence: 'input: AddCaseEvidenceInput! -> CaseEvidencePayload!',
      proposeCaseTransfer: 'input: ProposeCaseTransferInput! -> CaseTransferPayload!',
      acceptCaseTransfer: 'input: AcceptCaseTransferInput! -> CaseTransferPayload!',
      declineCaseTransfer: 'input: DeclineCaseTransferInput! -> CaseTransferPayload!',
      requestAssistance: 'input: RequestAssistanceInput! -> RequestAssistancePayload!',
      addAssistanceEvidence: 'input: AddAssistanceEvidenceInput! -> AssistanceEvidencePayload!',
      answerAssistance: 'input: AnswerAssistanceInput! -> AnswerAssistancePayload!',
      submitOverloadRecords: 'input: SubmitOverloadRecordsInput! -> SubmitOverloadRecordsPayload!',
    });
    expect(sdl).toContain('case: EnforcementCase!');
    expect(sdl).toContain('sharedWith: [CaseShare!]!');
    const share = schema.getType('CaseShare');
    expect(isObjectType(share) && Object.keys(share.getFields())).toEqual([
      'regionCode',
      'kind',
      'reason',
      'sharedBy',
      'sharedAt',
      'revokedAt',
    ]);
    const shareCase = schema.getType('ShareCaseInput');
    expect(isInputObjectType(shareCase) && Object.keys(shareCase.getFields())).toEqual([
      'caseNumber',
      'regionCode',
      'reason',
    ]);
    const revokeShare = schema.getType('RevokeCaseShareInput');
    expect(isInputObjectType(revokeShare) && Object.keys(revokeShare.getFields())).toEqual([
      'caseNumber',
      'regionCode',
    ]);
    expect(sdl).toContain('steps: [CaseStep!]!');
    const enforcementCase = schema.getType('EnforcementCase');
    expect(isObjectType(enforcementCase) && Object.keys(enforcementCase.getFields())).toEqual(
      expect.arrayContaining([
        'proposal',
        'legalReview',
        'notice',
        'hearing',
        'execution',
        'evidence',
        'transfers',
        'assistanceRequests',
        'decisionDueDate',
        'deadlineExtensionDays',
      ]),
    );
    const step = schema.getType('CaseStep');
    expect(isObjectType(step) && Object.keys(step.getFields())).toEqual([
      'action',
      'fromStatus',
      'toStatus',
      'actor',
      'regionCode',
      'occurredAt',
      'comment',
    ]);
    // The region asked for assistance sees the request, and nothing on it leads to the case.
    const assistance = schema.getType('AssistanceRequest');
    expect(
      isObjectType(assistance) && Object.values(assistance.getFields()).map((field) => String(field.type)),
    ).not.toContain('EnforcementCase');
    expect(
      isObjectType(assistance) && Object.values(assistance.getFields()).map((field) => String(field.type)),
    ).not.toContain('EnforcementCase!');
    const query = schema.getQueryType()!.getFields();
    expect(Object.keys(query)).toEqual(
      expect.arrayContaining([
        'enforcementCase',
        'enforcementCases',
        'overdueCases',
        'caseEvidenceContent',
        'assistanceRequest',
        'assistanceRequests',
        '_entities',
        '_service',
      ]),
    );
    expect(
      `${query.enforcementCase.args.map((arg) => `${arg.name}: ${String(arg.type)}`).join(',')} -> ${String(query.enforcementCase.type)}`,
    ).toBe('caseNumber: String! -> EnforcementCase');
    expect(query.enforcementCases.type.toString()).toBe('EnforcementCaseConnection!');
    expect(query.enforcementCases.args.map((arg) => arg.name).sort()).toEqual([
      'after',
      'first',
      'partyIdNumber',
      'regionCode',
      'status',
    ]);
    expect(query.overdueCases.args.map((arg) => arg.name).sort()).toEqual(['after', 'first', 'regionCode']);
    expect(sdl).toMatch(/type Enterprise\s+@key\(fields: "creditCode"\)/);
    expect(sdl).toMatch(/type Vehicle\s+@key\(fields: "plateNumber"\)/);
    for (const entity of ['Enterprise', 'Vehicle']) {
      const type = schema.getType(entity);
      expect(isObjectType(type) && type.getFields().enforcementCases.type.toString()).toBe('EnforcementCaseConnection');
    }
    const fileCase = schema.getType('FileCaseInput');
    expect(isInputObjectType(fileCase) && Object.keys(fileCase.getFields())).toEqual([
      'regionCode',
      'cause',
      'creditCode',
      'plateNumber',
      'partyName',
      'partyIdNumber',
    ]);
    const decideCase = schema.getType('DecideCaseInput');
    expect(isInputObjectType(decideCase) && Object.keys(decideCase.getFields())).toEqual([
      'caseNumber',
      'expectedVersion',
      'penalty',
      'fineFen',
      'permitNumber',
      'decisionSummary',
    ]);
    const status = schema.getType('CaseStatus');
    expect(isEnumType(status) && status.getValues().map((value) => value.name)).toEqual([
      'FILING_PENDING',
      'NOT_FILED',
      'FILED',
      'INVESTIGATING',
      'LEGAL_REVIEW',
      'PENALTY_PROPOSED',
      'NOTIFIED',
      'HEARING',
      'HEARD',
      'DECIDED',
      'EXECUTED',
      'CLOSED',
      'DISMISSED',
      'TRANSFER_PENDING',
    ]);
    const penalty = schema.getType('PenaltyKind');
    expect(isEnumType(penalty) && penalty.getValues().map((value) => value.name)).toEqual([
      'WARNING',
      'FINE',
      'CONFISCATION',
      'PERMIT_SUSPENSION',
      'PERMIT_REVOCATION',
      'NO_PENALTY',
    ]);
    // The shared base of the action inputs is not a type of its own.
    expect(schema.getType('CaseReferenceInput')).toBeUndefined();
  });

  it('composes with licensing into one Enterprise and Vehicle', async () => {
    const result = composeServices([
      {
        name: 'licensing',
        url: 'http://localhost:4001/graphql',
        typeDefs: parse(printSubgraphSchema(await licensingSubgraph.buildSchema())),
      },
      { name: 'enforcement', url: 'http://localhost:4002/graphql', typeDefs: parse(sdl) },
    ]);
    expect(result.errors ?? []).toEqual([]);
    const enterprise = /type Enterprise\b[^{]*\{([\s\S]*?)\n\}/.exec(result.supergraphSdl ?? '')?.[1] ?? '';
    expect(enterprise).toMatch(/\n\s+permits\(/);
    expect(enterprise).toMatch(/\n\s+enforcementCases\(/);
  });
});
