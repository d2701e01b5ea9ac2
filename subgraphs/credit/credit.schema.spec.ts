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
import type { Identity } from '../../platform/auth/identity';
import { RequestLoaders } from '../../platform/graphql/request-loaders';
import { licensingSubgraph } from '../licensing/licensing.subgraph';
import type { CreditContext } from './credit.context';
import { CreditRecord } from './credit-record/credit-record.entity';
import { buildSchema } from './credit.subgraph';
import { identityOf } from '../../platform/testing/callers';
import { openSubgraphTestbed, type TestbedOf } from '../../platform/testing/subgraph-testbed';
import { caseDecided } from './credit.fixture';
import { creditSubgraph } from './credit.subgraph';

const CREDIT_OFFICER = identityOf('js-credit-officer', '320000', 'credit-officer');
const ADMIN = identityOf('ministry-admin', '000000', 'admin', 'credit-officer', 'licensing-officer');
const LICENSING_OFFICER = identityOf('js-licensing-officer', '320000', 'licensing-officer');
const PARTNER: Identity = {
  ...identityOf('service-account-partner-ndrc', '000000', 'partner-reader'),
  serviceAccount: true,
  scopes: new Set(['category:credit']),
};

describe('the credit schema', () => {
  let schema: GraphQLSchema;
  let sdl: string;
  beforeAll(async () => {
    schema = await buildSchema();
    sdl = printSubgraphSchema(schema);
  });

  it('offers the queries, mutation and entity field of the contract', () => {
    const query = schema.getQueryType()!.getFields();
    expect(Object.keys(query)).toEqual(
      expect.arrayContaining(['creditProfile', 'creditRecords', '_entities', '_service']),
    );
    expect(
      `${query.creditProfile.args.map((arg) => `${arg.name}: ${String(arg.type)}`).join(',')} -> ${String(query.creditProfile.type)}`,
    ).toBe('creditCode: String! -> CreditProfile!');
    expect(query.creditRecords.type.toString()).toBe('CreditRecordConnection!');
    expect(query.creditRecords.args.map((arg) => `${arg.name}: ${String(arg.type)}`).sort()).toEqual([
      'after: String',
      'first: Int',
      'kind: CreditRecordKind',
      'regionCode: String',
    ]);
    const mutations = schema.getMutationType()!.getFields();
    expect(
      Object.values(mutations).map(
        (mutation) =>
          `${mutation.name}(${mutation.args.map((arg) => `${arg.name}: ${String(arg.type)}`).join(',')}) -> ${String(mutation.type)}`,
      ),
    ).toEqual(
      expect.arrayContaining([
        'recordCredit(input: RecordCreditInput!) -> RecordCreditPayload!',
        'correctCreditDisclosure(input: CorrectCreditDisclosureInput!) -> CorrectCreditDisclosurePayload!',
        'applyForCreditRepair(input: ApplyForCreditRepairInput!) -> CreditRepairPayload!',
        'approveCreditRepair(input: DecideCreditRepairInput!) -> CreditRepairPayload!',
        'refuseCreditRepair(input: DecideCreditRepairInput!) -> CreditRepairPayload!',
        'listCreditSubject(input: ListCreditSubjectInput!) -> CreditListEntryPayload!',
        'removeCreditListEntry(input: RemoveCreditListEntryInput!) -> CreditListEntryPayload!',
      ]),
    );
    expect(sdl).toMatch(/type Enterprise\s+@key\(fields: "creditCode"\)/);
    const enterprise = schema.getType('Enterprise');
    expect(isObjectType(enterprise) && enterprise.getFields().creditProfile.type.toString()).toBe('CreditProfile');
    const profile = schema.getType('CreditProfile');
    expect(
      isObjectType(profile) &&
        Object.values(profile.getFields()).map((field) => `${field.name}: ${String(field.type)}`),
    ).toEqual([
      'creditCode: String!',
      'score: Int!',
      'rating: CreditRating!',
      'recordCount: Int!',
      'records: CreditRecordConnection',
      'publicPenalties: [CreditDisclosure!]',
      'listMemberships: [CreditListEntry!]',
      'nationalStanding: NationalStanding!',
    ]);
    const record = schema.getType('CreditRecord');
    expect(isObjectType(record) && Object.keys(record.getFields())).toEqual([
      'creditCode',
      'kind',
      'source',
      'sourceReference',
      'regionCode',
      'summary',
      'scoreDelta',
      'decidedAt',
      'recordedAt',
      'recordedBy',
      'repairedAt',
    ]);
    const input = schema.getType('RecordCreditInput');
    expect(
      isInputObjectType(input) &&
        Object.values(input.getFields()).map((field) => `${field.name}: ${String(field.type)}`),
    ).toEqual([
      'creditCode: String!',
      'kind: CreditRecordKind!',
      'regionCode: String!',
      'summary: String!',
      'decidedAt: DateTimeISO!',
      'sourceReference: String',
      'scoreDelta: Int',
    ]);
    const enumValues = (name: string) => {
      const type = schema.getType(name);
      return isEnumType(type) && type.getValues().map((value) => value.name);
    };
    expect(enumValues('CreditRating')).toEqual(['A', 'B', 'C', 'D']);
    expect(enumValues('CreditRecordKind')).toEqual([
      'ADMINISTRATIVE_PENALTY',
      'ADMINISTRATIVE_LICENSE',
      'COMMENDATION',
      'DISHONESTY',
    ]);
    expect(enumValues('CreditRecordSource')).toEqual(['ENFORCEMENT_DECISION', 'LICENSING_DECISION', 'MANUAL']);
  });

  it('composes with licensing into one Enterprise', async () => {
    const result = composeServices([
      {
        name: 'licensing',
        url: 'http://localhost:4001/graphql',
        typeDefs: parse(printSubgraphSchema(await licensingSubgraph.buildSchema())),
      },
      { name: 'credit', url: 'http://localhost:4003/graphql', typeDefs: parse(sdl) },
    ]);
    expect(result.errors ?? []).toEqual([]);
    const enterprise = /type Enterprise\b[^{]*\{([\s\S]*?)\n\}/.exec(result.supergraphSdl ?? '')?.[1] ?? '';
    expect(enterprise).toMatch(/\n\s+permits\(/);
    expect(enterprise).toMatch(/\n\s+creditProfile: CreditProfile[ \n]/);
  });

  describe('served on a real database', () => {
    let testbed: TestbedOf<typeof creditSubgraph>;
    beforeEach(async () => {
      testbed = await openSubgraphTestbed(creditSubgraph);
    });
    afterEach(async () => {
      await testbed.close();
    });

    function run(
      caller: Identity | null,
      source: string,
      variableValues?: Record<string, unknown>,
    ): Promise<ExecutionResult> {
      const contextValue: CreditContext = {
        identity: caller,
        purpose: null,
        services: testbed.services,
        loaders: new RequestLoaders(),
      };
      return graphql({ schema, source, variableValues, contextValue });
    }

    it('answers the single window’s credit part for many enterprises in the same three statements as for one', async () => {
      for (const [index, creditCode] of [
        '91320102MA1MY0R10Q',
        '91320102MA1MY0R10Q',
        '91320102MA1MY0R10Q',
        '91320583MA1NQ2W40E',
      ].entries()) {
        await testbed.deliver(
          caseDecided({
            caseNumber: `320102202600000${index}`,
            creditCode,
            penalty: index === 0 ? 'PERMIT_REVOCATION' : 'FINE',
          }),
        );
      }
      const entities = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
        ... on Enterprise { creditCode creditProfile { score rating recordCount records(first: 2) { totalCount edges { node { kind source sourceReference decidedAt } } } } }
      } }`;
      const statementsFor = async (codes: string[]) => {
        const start = testbed.statements();
        const result = await run(ADMIN, entities, {
          representations: codes.map((creditCode) => ({ __typename: 'Enterprise', creditCode })),
        });
        expect(result.errors).toBeUndefined();
        return {
          entities: (result.data as { _entities: unknown[] })._entities,
          statements: testbed.statements() - start,
        };
      };
      const one = await statementsFor(['91320102MA1MY0R10Q']);
      const many = await statementsFor(['91320102MA1MY0R10Q', '91320583MA1NQ2W40E', '91330106MA2H4K1L0X']);
      expect(many.entities).toMatchObject([
        {
          creditCode: '91320102MA1MY0R10Q',
          creditProfile: {
            score: 50,
            rating: 'D',
            recordCount: 3,
            records: {
              totalCount: 3,
              edges: [
                {
                  node: {
                    kind: 'ADMINISTRATIVE_PENALTY',
                    source: 'ENFORCEMENT_DECISION',
                    sourceReference: '3201022026000002',
                  },
                },
                {},
              ],
            },
          },
        },
        { creditCode: '91320583MA1NQ2W40E', creditProfile: { score: 95, rating: 'A', records: { totalCount: 1 } } },
        {
          creditCode: '91330106MA2H4K1L0X',
          creditProfile: { score: 100, rating: 'A', recordCount: 0, records: { totalCount: 0, edges: [] } },
        },
      ]);
      // Profiles (1) and record pages (2), whatever the number of enterprises.
      expect(one.statements).toBe(3);
      expect(many.statements).toBe(3);
    });

    it('lets a credit officer record credit and read it back, and a partner ministry read it', async () => {
      const recorded = await run(
        CREDIT_OFFICER,
        `mutation ($input: RecordCreditInput!) { recordCredit(input: $input) { record { kind source sourceReference scoreDelta recordedBy decidedAt } profile { score rating recordCount } } }`,
        {
          input: {
            creditCode: '91320583MA1NQ2W40E',
            kind: 'DISHONESTY',
            regionCode: '320583',
            summary: '提交虚假材料。',
            decidedAt: '2026-06-01T02:00:00.000Z',
            sourceReference: '昆交信认〔2026〕9号',
          },
        },
      );
      expect(recorded).toEqual({
        data: {
          recordCredit: {
            record: {
              kind: 'DISHONESTY',
              source: 'MANUAL',
              sourceReference: '昆交信认〔2026〕9号',
              scoreDelta: -30,
              recordedBy: 'js-credit-officer',
              decidedAt: '2026-06-01T02:00:00.000Z',
            },
            profile: { score: 70, rating: 'C', recordCount: 1 },
          },
        },
      });
      const read = await run(
        PARTNER,
        `{ creditProfile(creditCode: "91320583MA1NQ2W40E") { rating records { edges { node { summary } } } } creditRecords(kind: DISHONESTY) { totalCount } }`,
      );
      expect(read).toEqual({
        data: {
          creditProfile: { rating: 'C', records: { edges: [{ node: { summary: '提交虚假材料。' } }] } },
          creditRecords: { totalCount: 1 },
        },
      });
    });

    it('refuses a malformed credit code naming the field, callers without the permission, and callers without a token', async () => {
      const malformed = await run(CREDIT_OFFICER, `{ creditProfile(creditCode: "91320583MA1NQ2W40F") { rating } }`);
      expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'creditCode' });
      const byLicensing = await run(LICENSING_OFFICER, `{ creditRecords { totalCount } }`);
      expect(byLicensing.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      const byPartner = await run(
        PARTNER,
        `mutation { recordCredit(input: { creditCode: "91320583MA1NQ2W40E", kind: COMMENDATION, regionCode: "320583", summary: "x", decidedAt: "2026-06-01T02:00:00Z" }) { record { kind } } }`,
      );
      expect(byPartner.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      const entity = await run(
        LICENSING_OFFICER,
        `{ _entities(representations: [{ __typename: "Enterprise", creditCode: "91320583MA1NQ2W40E" }]) { ... on Enterprise { creditCode } } }`,
      );
      expect(entity.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      const anonymous = await run(null, `{ creditProfile(creditCode: "91320583MA1NQ2W40E") { rating } }`);
      expect(anonymous.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await testbed.dataSource.getRepository(CreditRecord).count()).toBe(0);
    });
  });
});
