import { buildSchema, parse } from 'graphql';
import { coordinatesRead } from './operation-coordinates';
import { checkOperationDocument, OperationDocumentProblem } from './operation-document';

const SCHEMA = buildSchema(`
  type Query {
    enterprise(creditCode: String!): Enterprise
    indicator(code: String!): Indicator
  }
  type Mutation { renameEnterprise(name: String!): Enterprise }
  interface Party { name: String! }
  type Enterprise implements Party {
    creditCode: String!
    name: String!
    phone: String
    permits(first: Int): PermitConnection!
  }
  type Permit { number: String! status: String! }
  type PermitConnection { totalCount: Int! edges: [PermitEdge!]! pageInfo: PageInfo! }
  type PermitEdge { cursor: String! node: Permit! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type Indicator { value: Float! }
  type Person implements Party { name: String! }
`);

const read = (document: string) => coordinatesRead(SCHEMA, parse(document));

describe('the items an operation reads', () => {
  it('names each Type.field once, through aliases, fragments and inline fragments', () => {
    expect(
      read(`
        query Check($code: String!) {
          first: enterprise(creditCode: $code) { ...Names }
          second: enterprise(creditCode: $code) { title: name ... on Enterprise { phone } }
        }
        fragment Names on Party { name ... on Enterprise { creditCode } }
      `),
    ).toEqual(['Enterprise.creditCode', 'Enterprise.name', 'Enterprise.phone', 'Person.name']);
  });

  it('leaves out connection structure, __typename and the root entry points', () => {
    expect(
      read(`query Permits { enterprise(creditCode: "x") { __typename permits(first: 5) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { number } } } } }`),
    ).toEqual(['Enterprise.permits', 'Permit.number']);
  });

  it('counts a field read on an interface on every type that implements it', () => {
    expect(read('query Names { enterprise(creditCode: "x") { ... on Party { name } } }')).toEqual([
      'Enterprise.name',
      'Person.name',
    ]);
  });
});

describe('a document checked for registration', () => {
  const problem = (document: string) => {
    try {
      checkOperationDocument(SCHEMA, document);
    } catch (error) {
      expect(error).toBeInstanceOf(OperationDocumentProblem);
      return (error as Error).message;
    }
    throw new Error('the document was accepted');
  };

  it('gives the name, the kind and what it reads', () => {
    expect(checkOperationDocument(SCHEMA, 'query Phone { enterprise(creditCode: "x") { phone } }')).toEqual({
      name: 'Phone',
      kind: 'query',
      coordinates: ['Enterprise.phone'],
    });
  });

  it('is refused unless it holds exactly one named operation', () => {
    expect(problem('{ enterprise(creditCode: "x") { name } }')).toMatch(/exactly one named operation/);
    expect(
      problem('query A { enterprise(creditCode: "x") { name } } query B { indicator(code: "x") { value } }'),
    ).toMatch(/exactly one named operation/);
    expect(problem('query A { enterprise(')).toMatch(/does not parse/);
  });

  it('is refused when it does not fit the schema, naming the fault', () => {
    expect(problem('query A { enterprise(creditCode: "x") { email } }')).toMatch(
      /Cannot query field "email" on type "Enterprise"/,
    );
  });

  it('is refused beyond the operation limits', () => {
    const limits = {
      maxDocumentBytes: 10_000,
      maxTokens: 1_000,
      maxOperations: 1,
      maxFragments: 5,
      maxDirectivesPerField: 2,
      maxDepth: 3,
      maxAliases: 5,
      maxCost: 1_000,
      maxVariablesBytes: 1_000,
      maxVariableValues: 100,
    };
    expect(() =>
      checkOperationDocument(
        SCHEMA,
        'query Deep { enterprise(creditCode: "x") { permits { edges { node { number } } } } }',
        {
          limits,
        },
      ),
    ).toThrow(/depth/);
  });

  it('gives a mutation as such (registration refuses it)', () => {
    expect(checkOperationDocument(SCHEMA, 'mutation Rename { renameEnterprise(name: "x") { name } }').kind).toBe(
      'mutation',
    );
  });
});
