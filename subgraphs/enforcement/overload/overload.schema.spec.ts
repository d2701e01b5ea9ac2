import { graphql, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { expect } from '@jest/globals';
import type { Identity } from '../../../platform/auth/identity';
import { SYSTEM_SCOPE } from '../../../platform/auth/region-scope';
import { RequestLoaders } from '../../../platform/graphql/request-loaders';
import type { EnforcementContext } from '../enforcement.context';
import { buildSchema } from '../enforcement.subgraph';
import { openSubgraphTestbed, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { enforcementSubgraph } from '../enforcement.subgraph';
import type { OverloadRecordInput } from './inputs/submit-overload-records.input';
import { identityOf } from '../../../platform/testing/callers';

const STATION: Identity = {
  ...identityOf('service-account-weigh-station-js-0001', '320000', 'weigh-station'),
  clientId: 'weigh-station-js-0001',
  serviceAccount: true,
};
const OFFICER = identityOf('nj-enforcement-officer', '320100', 'enforcement-officer');
const SUPERVISOR = identityOf('js-enforcement-supervisor', '320000', 'enforcement-supervisor');
const ZHEJIANG_OFFICER = identityOf('zj-enforcement-officer', '330000', 'enforcement-officer');
const SAFETY_OFFICER = identityOf('js-safety-officer', '320000', 'safety-officer');

const SUBMIT = `mutation ($input: SubmitOverloadRecordsInput!) {
  submitOverloadRecords(input: $input) { acceptedCount duplicateCount rejectedCount results { index stationRecordId outcome overloaded problems { field message } } }
}`;

function record(
  stationRecordId: string,
  plateNumber: string,
  grossWeightKg: number,
  hoursAgo = 1,
): OverloadRecordInput {
  return {
    stationCode: '3201150001',
    stationRecordId,
    detectedAt: new Date(Date.now() - hoursAgo * 3600_000),
    plateNumber,
    axleCount: 6,
    grossWeightKg,
    limitKg: 49_000,
  };
}

describe('the overload records in the enforcement schema', () => {
  let schema: GraphQLSchema;
  let testbed: TestbedOf<typeof enforcementSubgraph>;
  beforeAll(async () => {
    schema = await buildSchema();
  });
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
  ): Promise<ExecutionResult> {
    const contextValue: EnforcementContext = {
      identity: caller,
      purpose: null,
      services: testbed.services,
      loaders: new RequestLoaders(),
    };
    return graphql({ schema, source, variableValues, contextValue });
  }

  it('adds the query, the mutation and the overload records of cases and vehicles', () => {
    const submit = schema.getMutationType()!.getFields().submitOverloadRecords;
    expect(`${submit.args.map((arg) => `${arg.name}: ${String(arg.type)}`).join(',')} -> ${String(submit.type)}`).toBe(
      'input: SubmitOverloadRecordsInput! -> SubmitOverloadRecordsPayload!',
    );
    const overloadRecords = schema.getQueryType()!.getFields().overloadRecords;
    expect(overloadRecords.args.map((arg) => `${arg.name}: ${String(arg.type)}`).sort()).toEqual([
      'after: String',
      'first: Int',
      'plateNumber: String',
      'regionCode: String',
    ]);
    expect(overloadRecords.type.toString()).toBe('OverloadRecordConnection!');
    for (const [type, fieldType] of [
      ['EnforcementCase', 'OverloadRecordConnection!'],
      ['Vehicle', 'OverloadRecordConnection'],
    ]) {
      const fields = (
        schema.getType(type) as unknown as { getFields(): Record<string, { type: unknown }> }
      ).getFields();
      expect(String(fields.overloadRecords.type)).toBe(fieldType);
    }
  });

  it('lets the station submit and nobody else; lets officers read and not the station', async () => {
    const input = { records: [record('JN-1', '苏E88888', 56_000), record('JN-2', '苏A9L628', 30_000)] };
    const submitted = await run(STATION, SUBMIT, { input });
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data).toEqual({
      submitOverloadRecords: {
        acceptedCount: 2,
        duplicateCount: 0,
        rejectedCount: 0,
        results: [
          { index: 0, stationRecordId: 'JN-1', outcome: 'ACCEPTED', overloaded: true, problems: [] },
          { index: 1, stationRecordId: 'JN-2', outcome: 'ACCEPTED', overloaded: false, problems: [] },
        ],
      },
    });
    for (const caller of [OFFICER, SUPERVISOR])
      expect((await run(caller, SUBMIT, { input })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await run(null, SUBMIT, { input })).errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    for (const caller of [STATION, SAFETY_OFFICER]) {
      expect((await run(caller, `{ overloadRecords { totalCount } }`)).errors?.[0]?.extensions).toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    expect((await run(OFFICER, `{ overloadRecords { totalCount } }`)).data).toEqual({
      overloadRecords: { totalCount: 2 },
    });
    expect((await run(ZHEJIANG_OFFICER, `{ overloadRecords { totalCount } }`)).data).toEqual({
      overloadRecords: { totalCount: 0 },
    });
  });

  it('refuses a bad filter naming the argument', async () => {
    const result = await run(OFFICER, `{ overloadRecords(plateNumber: "ABC") { totalCount } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'plateNumber' });
  });

  it("reads a page of records with their cases, the cases' records and the vehicles' records in a fixed number of statements", async () => {
    const page = `{ overloadRecords(first: 50) { totalCount edges { node {
      stationRecordId overloaded excessKg enterprise { creditCode } vehicle { plateNumber overloadRecords(first: 5) { totalCount } }
      case { caseNumber status overloadRecords(first: 5) { totalCount edges { node { stationRecordId } } } }
    } } } }`;
    const statementsFor = async () => {
      const start = testbed.statements();
      const result = await run(OFFICER, page);
      expect(result.errors).toBeUndefined();
      return {
        data: result.data as {
          overloadRecords: { totalCount: number; edges: Array<{ node: Record<string, unknown> }> };
        },
        statements: testbed.statements() - start,
      };
    };
    await testbed.services.overload.submit(SYSTEM_SCOPE, { clientId: 'spec', actor: 'spec' }, [
      record('A-1', '苏E88888', 56_000, 3),
      record('A-2', '苏E88888', 55_000, 2),
    ]);
    const few = await statementsFor();
    expect(few.data.overloadRecords.edges.map((edge) => edge.node)).toEqual([
      {
        stationRecordId: 'A-2',
        overloaded: true,
        excessKg: 6_000,
        enterprise: null,
        vehicle: { plateNumber: '苏E88888', overloadRecords: { totalCount: 2 } },
        case: {
          caseNumber: expect.any(String),
          status: 'FILING_PENDING',
          overloadRecords: {
            totalCount: 2,
            edges: [{ node: { stationRecordId: 'A-2' } }, { node: { stationRecordId: 'A-1' } }],
          },
        },
      },
      expect.objectContaining({ stationRecordId: 'A-1', excessKg: 7_000 }),
    ]);
    const more = Array.from({ length: 20 }, (_, index) =>
      record(`B-${index}`, `苏E${String(30_000 + index).slice(-5)}`, index % 2 === 0 ? 56_000 : 40_000),
    );
    await testbed.services.overload.submit(SYSTEM_SCOPE, { clientId: 'spec', actor: 'spec' }, more);
    const many = await statementsFor();
    expect(many.data.overloadRecords.totalCount).toBe(22);
    expect(many.statements).toBe(few.statements);
  });
});
