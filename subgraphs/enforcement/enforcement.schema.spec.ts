import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import {
  graphql,
  isEnumType,
  isInputObjectType,
  isObjectType,
  parse,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { expect } from '@jest/globals';
import type { Identity } from '../../platform/auth/identity';
import { PurposeCode, type Purpose } from '../../platform/auth/purpose';
import { SYSTEM_SCOPE } from '../../platform/auth/region-scope';
import { residentIdCheckCharacter } from '../../platform/codes/resident-id';
import { RequestLoaders } from '../../platform/graphql/request-loaders';
import { licensingSubgraph } from '../licensing/licensing.subgraph';
import type { EnforcementContext } from './enforcement.context';
import { buildSchema } from './enforcement.subgraph';
import { openSubgraphTestbed, type TestbedOf } from '../../platform/testing/subgraph-testbed';
import { evidenceItem, filing, procedure } from './enforcement.fixture';
import { enforcementSubgraph } from './enforcement.subgraph';
import { identityOf } from '../../platform/testing/callers';

const PERSON_ID = `32010219900101123${residentIdCheckCharacter('32010219900101123')}`;

const OFFICER = identityOf('nj-enforcement-officer', '320100', 'enforcement-officer');
const SUPERVISOR = identityOf('js-enforcement-supervisor', '320000', 'enforcement-supervisor');
const PII_OFFICER = identityOf('js-pii-officer', '320000', 'enforcement-officer', 'pii-reader');
const ZHEJIANG_OFFICER = identityOf('zj-enforcement-officer', '330000', 'enforcement-officer');
const ZHEJIANG_SUPERVISOR = identityOf('zj-enforcement-supervisor', '330000', 'enforcement-supervisor');
const SHANGHAI_OFFICER = identityOf('sh-enforcement-officer', '310000', 'enforcement-officer');
const SAFETY_OFFICER = identityOf('js-safety-officer', '320000', 'safety-officer');
const INVESTIGATION: Purpose = { code: PurposeCode.ENFORCEMENT_INVESTIGATION, reason: '核查当事人身份' };

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

  describe('served on a real database', () => {
    let testbed: TestbedOf<typeof enforcementSubgraph>;
    beforeEach(async () => {
      testbed = await openSubgraphTestbed(enforcementSubgraph);
    });
    afterEach(async () => {
      await testbed.close();
    });

    function run(
      caller: Identity | null,
      source: string,
      variableValues?: Record<string, unknown>,
      purpose: Purpose | null = null,
    ): Promise<ExecutionResult> {
      const contextValue: EnforcementContext = {
        identity: caller,
        purpose,
        services: testbed.services,
        loaders: new RequestLoaders(),
      };
      return graphql({ schema, source, variableValues, contextValue });
    }

    it('files a case against a person and shows the party masked, in full only to a pii-reader with a declared purpose', async () => {
      const result = await run(
        OFFICER,
        `mutation ($input: FileCaseInput!) { fileCase(input: $input) { case { caseNumber status partyName partyIdNumber filedBy version steps { action fromStatus toStatus actor regionCode } } } }`,
        {
          input: {
            regionCode: '320100',
            cause: '未取得道路运输经营许可，擅自从事道路旅客运输经营',
            partyName: '李明',
            partyIdNumber: PERSON_ID,
          },
        },
      );
      expect(result.errors).toBeUndefined();
      const filed = (result.data as { fileCase: { case: Record<string, unknown> } }).fileCase.case;
      expect(filed).toMatchObject({
        status: 'FILING_PENDING',
        partyName: '李*',
        partyIdNumber: `3201**********${PERSON_ID.slice(-4)}`,
        filedBy: 'nj-enforcement-officer',
        version: 1,
        steps: [
          {
            action: 'FILING_SUBMITTED',
            fromStatus: null,
            toStatus: 'FILING_PENDING',
            actor: 'nj-enforcement-officer',
            regionCode: '320100',
          },
        ],
      });
      expect(JSON.stringify(result.data)).not.toContain(PERSON_ID);

      const party = `query ($number: String!) { enforcementCase(caseNumber: $number) { partyName partyIdNumber } }`;
      const variables = { number: filed.caseNumber };
      const masked = { enforcementCase: { partyName: '李*', partyIdNumber: filed.partyIdNumber } };
      expect((await run(SUPERVISOR, party, variables, INVESTIGATION)).data).toEqual(masked);
      expect((await run(PII_OFFICER, party, variables)).data).toEqual(masked);
      expect((await run(PII_OFFICER, party, variables, INVESTIGATION)).data).toEqual({
        enforcementCase: { partyName: '李明', partyIdNumber: PERSON_ID },
      });
      // Outside the officer's region the case does not exist.
      expect((await run(ZHEJIANG_OFFICER, party, variables)).data).toEqual({ enforcementCase: null });
    });

    it('refuses callers without the permission and callers without a token', async () => {
      const input = { regionCode: '320102', cause: '测试', creditCode: '91320102MA1MY0R10Q' };
      const fileCase = `mutation ($input: FileCaseInput!) { fileCase(input: $input) { case { caseNumber } } }`;
      const bySupervisor = await run(SUPERVISOR, fileCase, { input });
      expect(bySupervisor.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      const bySafety = await run(SAFETY_OFFICER, `{ enforcementCases { totalCount } }`);
      expect(bySafety.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      const anonymous = await run(null, `{ overdueCases { totalCount } }`);
      expect(anonymous.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(
        await testbed.services.cases.list(
          SYSTEM_SCOPE,
          { regionCode: null, status: null },
          { limit: 20, afterId: null },
        ),
      ).toMatchObject({ totalCount: 0 });
    });

    it('answers null for a case number nobody filed', async () => {
      const result = await run(OFFICER, `{ enforcementCase(caseNumber: "3201022026999999") { caseNumber } }`);
      expect(result).toEqual({ data: { enforcementCase: null } });
    });

    it('shares a case with Jiangsu: read there with its shares, acted on only by Zhejiang', async () => {
      const filed = await testbed.services.cases.file(
        SYSTEM_SCOPE,
        { regionCode: '330106', cause: '擅自改装车辆', creditCode: '91330106MA2H4K1L0X' },
        'spec',
      );
      const shareCase = `mutation ($input: ShareCaseInput!) { shareCase(input: $input) { case { caseNumber sharedWith { regionCode reason sharedBy revokedAt } } } }`;
      const input = { caseNumber: filed.caseNumber, regionCode: '320000', reason: '车辆登记地在江苏，请协助核查' };
      // Sharing is the supervisor's decision, not an officer's.
      expect((await run(ZHEJIANG_OFFICER, shareCase, { input })).errors?.[0]?.extensions).toMatchObject({
        code: 'FORBIDDEN',
      });
      const shared = await run(ZHEJIANG_SUPERVISOR, shareCase, { input });
      expect(shared.errors).toBeUndefined();
      expect(shared.data).toEqual({
        shareCase: {
          case: {
            caseNumber: filed.caseNumber,
            sharedWith: [
              { regionCode: '320000', reason: input.reason, sharedBy: 'zj-enforcement-supervisor', revokedAt: null },
            ],
          },
        },
      });

      const read = `query ($number: String!) { enforcementCase(caseNumber: $number) { caseNumber regionCode sharedWith { regionCode } steps { comment } } }`;
      expect((await run(SUPERVISOR, read, { number: filed.caseNumber })).data).toEqual({
        enforcementCase: {
          caseNumber: filed.caseNumber,
          regionCode: '330106',
          sharedWith: [{ regionCode: '320000' }],
          steps: [{ comment: null }, { comment: `shared with 320000: ${input.reason}` }],
        },
      });
      expect((await run(SHANGHAI_OFFICER, read, { number: filed.caseNumber })).data).toEqual({ enforcementCase: null });

      const investigate = `mutation ($input: CaseActionInput!) { startCaseInvestigation(input: $input) { case { status } } }`;
      const jiangsuOfficer = identityOf('js-enforcement-officer', '320000', 'enforcement-officer');
      const refused = await run(jiangsuOfficer, investigate, { input: { caseNumber: filed.caseNumber } });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(refused.errors?.[0]?.message).toBe(
        `Case ${filed.caseNumber} is shared with your region for reading; only the handling region 330106 acts on it`,
      );

      const revoke = `mutation ($input: RevokeCaseShareInput!) { revokeCaseShare(input: $input) { case { sharedWith { regionCode } } } }`;
      expect(
        (await run(ZHEJIANG_SUPERVISOR, revoke, { input: { caseNumber: filed.caseNumber, regionCode: '320000' } }))
          .data,
      ).toEqual({ revokeCaseShare: { case: { sharedWith: [] } } });
      expect((await run(SUPERVISOR, read, { number: filed.caseNumber })).data).toEqual({ enforcementCase: null });
    });

    it('reads the shares of a page of cases in one statement', async () => {
      for (let index = 0; index < 3; index += 1) {
        const filed = await testbed.services.cases.file(
          SYSTEM_SCOPE,
          { regionCode: '330106', cause: '测试', creditCode: '91330106MA2H4K1L0X' },
          'spec',
        );
        await testbed.services.cases.share(
          SYSTEM_SCOPE,
          { caseNumber: filed.caseNumber, regionCode: '320000', reason: '请协助核查' },
          'spec',
        );
      }
      const statementsFor = async (source: string) => {
        const start = testbed.statements();
        const result = await run(SUPERVISOR, source);
        expect(result.errors).toBeUndefined();
        return { data: result.data, statements: testbed.statements() - start };
      };
      const without = await statementsFor(
        `{ enforcementCases(first: 10) { totalCount edges { node { caseNumber } } } }`,
      );
      const withShares = await statementsFor(
        `{ enforcementCases(first: 10) { totalCount edges { node { caseNumber sharedWith { regionCode } } } } }`,
      );
      expect(withShares.data).toMatchObject({
        enforcementCases: { totalCount: 3, edges: [{ node: { sharedWith: [{ regionCode: '320000' }] } }, {}, {}] },
      });
      expect(withShares.statements).toBe(without.statements + 1);
    });

    it('reads the timeline, evidence, transfers and assistance requests of a page of cases in one statement each', async () => {
      const story = procedure(testbed.services);
      for (let index = 0; index < 3; index += 1) {
        const open = await story.investigating(filing({ regionCode: '320102' }));
        await testbed.services.evidence.add(
          SYSTEM_SCOPE,
          { caseNumber: open.caseNumber, ...evidenceItem(`photo ${index}`) },
          'spec',
        );
        await testbed.services.assistance.request(
          SYSTEM_SCOPE,
          {
            caseNumber: open.caseNumber,
            assistingRegionCode: '330106',
            question: '请协助核查车辆',
            sharedSummary: '苏A12345',
          },
          'spec',
        );
        await testbed.services.transfers.propose(
          SYSTEM_SCOPE,
          { caseNumber: open.caseNumber, toRegionCode: '320583', reason: '移送昆山市处理' },
          'spec',
        );
      }
      const statementsFor = async (selection: string) => {
        const start = testbed.statements();
        const result = await run(
          SUPERVISOR,
          `{ enforcementCases(first: 10) { totalCount edges { node { caseNumber ${selection} } } } }`,
        );
        expect(result.errors).toBeUndefined();
        return { data: result.data, statements: testbed.statements() - start };
      };
      const without = await statementsFor('');
      const everything = await statementsFor(
        'steps { action } evidence { sm3Digest } transfers { status } assistanceRequests { status } proposal { penalty } notice { responseDueDate }',
      );
      expect(everything.data).toMatchObject({
        enforcementCases: {
          totalCount: 3,
          edges: [
            {
              node: {
                steps: expect.any(Array),
                evidence: [{}],
                transfers: [{ status: 'PROPOSED' }],
                assistanceRequests: [{ status: 'OPEN' }],
              },
            },
            {},
            {},
          ],
        },
      });
      expect(everything.statements).toBe(without.statements + 4);
    });

    it('masks resident ID and phone numbers in what an assistance request shares, unless a pii-reader declared a purpose', async () => {
      const open = await procedure(testbed.services).investigating(filing({ regionCode: '320102' }));
      const { assistanceRequest } = await testbed.services.assistance.request(
        SYSTEM_SCOPE,
        {
          caseNumber: open.caseNumber,
          assistingRegionCode: '330106',
          question: '请核查驾驶员电话13812345678的登记信息',
          sharedSummary: `驾驶员身份证号${PERSON_ID}`,
        },
        'spec',
      );
      const read = `query ($id: ID!) { assistanceRequest(id: $id) { question sharedSummary } }`;
      const variables = { id: String(assistanceRequest.id) };
      expect((await run(SUPERVISOR, read, variables, INVESTIGATION)).data).toEqual({
        assistanceRequest: {
          question: '请核查驾驶员电话138****5678的登记信息',
          sharedSummary: `驾驶员身份证号3201**********${PERSON_ID.slice(-4)}`,
        },
      });
      expect((await run(PII_OFFICER, read, variables, INVESTIGATION)).data).toEqual({
        assistanceRequest: {
          question: '请核查驾驶员电话13812345678的登记信息',
          sharedSummary: `驾驶员身份证号${PERSON_ID}`,
        },
      });
      // Credit officers read cases, not the exchange between enforcement authorities.
      const credit = await run(identityOf('js-credit-officer', '320000', 'credit-officer'), read, variables);
      expect(credit.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    });

    it('resolves the cases of many enterprises and vehicles in one batch', async () => {
      for (const creditCode of ['91320102MA1MY0R10Q', '91320102MA1MY0R10Q', '91320583MA1NQ2W40E']) {
        await testbed.services.cases.file(
          SYSTEM_SCOPE,
          { regionCode: '320102', cause: '测试', creditCode, plateNumber: '苏A12345' },
          'spec',
        );
      }
      const entities = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
        ... on Enterprise { creditCode enforcementCases(first: 1) { totalCount edges { node { caseNumber steps { toStatus } } } } }
        ... on Vehicle { plateNumber enforcementCases(first: 5) { totalCount } }
      } }`;
      const statementsFor = async (representations: unknown[]) => {
        const start = testbed.statements();
        const result = await run(OFFICER, entities, { representations });
        expect(result.errors).toBeUndefined();
        return { data: result.data as { _entities: unknown[] }, statements: testbed.statements() - start };
      };
      const one = await statementsFor([{ __typename: 'Enterprise', creditCode: '91320102MA1MY0R10Q' }]);
      const many = await statementsFor([
        { __typename: 'Enterprise', creditCode: '91320102MA1MY0R10Q' },
        { __typename: 'Enterprise', creditCode: '91320583MA1NQ2W40E' },
        { __typename: 'Enterprise', creditCode: '91330106MA2H4K1L0X' },
        { __typename: 'Vehicle', plateNumber: '苏A12345' },
      ]);
      expect(many.data._entities).toMatchObject([
        {
          creditCode: '91320102MA1MY0R10Q',
          enforcementCases: { totalCount: 2, edges: [{ node: { steps: [{ toStatus: 'FILING_PENDING' }] } }] },
        },
        { creditCode: '91320583MA1NQ2W40E', enforcementCases: { totalCount: 1 } },
        { creditCode: '91330106MA2H4K1L0X', enforcementCases: { totalCount: 0, edges: [] } },
        { plateNumber: '苏A12345', enforcementCases: { totalCount: 3 } },
      ]);
      // Enterprise pages (2) and their steps (1), plus the vehicle pages (2).
      expect(one.statements).toBe(3);
      expect(many.statements).toBe(5);
    });
  });
});
