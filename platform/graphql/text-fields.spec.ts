import { buildSchema, graphql, type GraphQLSchema } from 'graphql';
import type { Identity } from '../auth/identity';
import { PurposeCode } from '../auth/purpose';
import { maskTextFields, TextKind, textFieldProblems, type TextFieldRules } from './text-fields';

const SDL = `
  type Query { case: Case, cases: [Case!]! }
  type Case { number: String!, cause: String!, party: String, partyId: String, notes: [String!]!, late: String }
  type CaseEdge { cursor: String!, node: Case! }
`;
const RULES: TextFieldRules = {
  Query: {},
  Case: {
    number: TextKind.NOT_PERSONAL,
    cause: TextKind.FREE_TEXT,
    party: TextKind.PERSON_NAME,
    partyId: TextKind.RESIDENT_ID,
    notes: TextKind.FREE_TEXT,
    late: TextKind.FREE_TEXT,
  },
};
const CAUSE = '当事人王五（身份证号11010519491231002X，手机13812345678）';
const ROW = {
  number: '3201022026000001',
  cause: CAUSE,
  party: '王五',
  partyId: '11010519491231002X',
  notes: ['手机13812345678', '无'],
  // A field whose resolver answers later still goes through the mask.
  late: () => Promise.resolve(CAUSE),
};

function caller(...roles: string[]): Identity {
  return {
    subject: 'spec',
    username: 'spec',
    clientId: 'spec',
    roles: new Set(roles),
    region: '320000',
    department: null,
    partnerClient: null,
    serviceAccount: false,
    scopes: new Set(),
  };
}

function schemaWith(rules: TextFieldRules): GraphQLSchema {
  const schema = buildSchema(SDL);
  schema.getQueryType()!.getFields().case.resolve = () => ROW;
  return maskTextFields(schema, rules);
}

async function read(schema: GraphQLSchema, contextValue: unknown) {
  const result = await graphql({
    schema,
    source: '{ case { number cause party partyId notes late } }',
    contextValue,
  });
  expect(result.errors).toBeUndefined();
  return (result.data as { case: Record<string, unknown> }).case;
}

describe('text fields', () => {
  it('masks each field by its rule for a caller without pii-reader', async () => {
    expect(await read(schemaWith(RULES), { identity: caller('enforcement-officer'), purpose: null })).toEqual({
      number: '3201022026000001',
      cause: '当事人王五（身份证号1101**********002X，手机138****5678）',
      party: '王*',
      partyId: '1101**********002X',
      notes: ['手机138****5678', '无'],
      late: '当事人王五（身份证号1101**********002X，手机138****5678）',
    });
  });

  it('masks for a pii-reader without a purpose and for a context without an identity', async () => {
    const schema = schemaWith(RULES);
    for (const context of [{ identity: caller('pii-reader'), purpose: null }, {}, undefined]) {
      expect((await read(schema, context)).cause).not.toContain('13812345678');
    }
  });

  it('shows everything to a pii-reader who declared a purpose', async () => {
    const context = {
      identity: caller('enforcement-officer', 'pii-reader'),
      purpose: { code: PurposeCode.ENFORCEMENT_INVESTIGATION, reason: '核实' },
    };
    expect(await read(schemaWith(RULES), context)).toMatchObject({
      cause: CAUSE,
      party: '王五',
      partyId: '11010519491231002X',
      notes: ['手机13812345678', '无'],
      late: CAUSE,
    });
  });

  it('refuses a schema with a String field without a rule, and a rule for no field', () => {
    const { cause: _cause, ...withoutCause } = RULES.Case;
    const problems = textFieldProblems(buildSchema(SDL), { Case: { ...withoutCause, gone: TextKind.FREE_TEXT } });
    expect(problems).toEqual([
      'Case.cause declares no text rule (FREE_TEXT, PERSON_NAME, ..., NOT_PERSONAL)',
      'Case.gone has a text rule but is no String field of the schema',
    ]);
    expect(() => schemaWith({ Case: withoutCause })).toThrow(/Case.cause declares no text rule/);
  });
});
