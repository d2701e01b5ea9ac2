import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { GraphQLError, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { checkInput, inputCheckingSchema, uncheckedScalars } from './input-coercion';

const supergraph = readFileSync(join(__dirname, '..', '..', '..', 'schema', 'supergraph.graphql'), 'utf8');
const apiSchema = Supergraph.build(supergraph).apiSchema().toGraphQLJSSchema();
const schema = inputCheckingSchema(apiSchema);

const SUBMIT = `mutation Submit($input: SubmitOverloadRecordsInput!) {
  submitOverloadRecords(input: $input) { acceptedCount } }`;

function record(detectedAt: unknown) {
  return {
    stationCode: '3201150001',
    stationRecordId: 'R1',
    detectedAt,
    plateNumber: '苏E88888',
    axleCount: 6,
    grossWeightKg: 56000,
  };
}

function refusal(source: string, variables: Record<string, unknown> = {}) {
  const document = parse(source);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  )!;
  try {
    checkInput(schema, document, operation, variables);
    return null;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { message: error.message, ...error.extensions } as Record<string, unknown> & { message: string };
  }
}

describe('input coercion at the gateway', () => {
  it('has an implementation for every custom scalar of the committed supergraph', () => {
    expect(uncheckedScalars(apiSchema)).toEqual([]);
  });

  it.each(['2026-13-01T00:00:00Z', '2026-02-30T08:00:00Z', 'yesterday', 1_700_000_000])(
    'refuses the DateTimeISO %p, naming the record and field, as the subgraph would',
    (detectedAt) => {
      const refused = refusal(SUBMIT, { input: { records: [record('2026-01-05T08:00:00Z'), record(detectedAt)] } });
      expect(refused).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_INPUT',
        field: 'input.records[1].detectedAt',
        http: { status: 400 },
      });
      expect(refused?.message).toMatch(
        /^输入值无效：input\.records\[1\]\.detectedAt.*Invalid value at input\.records\[1\]\.detectedAt/,
      );
    },
  );

  it('lists every bad value of a batch, and passes good ones', () => {
    expect(refusal(SUBMIT, { input: { records: [record('2026-01-05T08:00:00Z')] } })).toBeNull();
    const refused = refusal(SUBMIT, { input: { records: [record('yesterday'), record('2026-01-05'), record('x')] } });
    expect(refused?.problems).toEqual([
      expect.objectContaining({ field: 'input.records[0].detectedAt' }),
      expect.objectContaining({ field: 'input.records[1].detectedAt' }),
      expect.objectContaining({ field: 'input.records[2].detectedAt' }),
    ]);
    expect(refused?.message).toMatch(/另有 2 处.*and 2 more/);
  });

  it('refuses built-in scalar, enum and missing values too (any variable the type refuses)', () => {
    expect(refusal(`query ($n: Int) { enterprises(first: $n) { totalCount } }`, { n: 'many' })).toMatchObject({
      field: 'n',
    });
    expect(refusal(SUBMIT, {})).toMatchObject({ field: 'input' });
    expect(
      refusal(SUBMIT, { input: { records: [{ ...record('2026-01-05T08:00:00Z'), axleCount: 'six' }] } }),
    ).toMatchObject({
      field: 'input.records[0].axleCount',
    });
  });

  it('refuses a literal custom-scalar argument the same way, naming the argument', () => {
    expect(refusal(`{ auditRecords(from: "yesterday") { totalCount } }`)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'from',
    });
    expect(refusal(`{ auditRecords(from: "2026-01-05T08:00:00Z") { totalCount } }`)).toBeNull();
  });
});
