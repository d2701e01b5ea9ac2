import { buildSchema, getIntrospectionQuery, GraphQLError, parse } from 'graphql';
import { checkDocument, countTokens, measureDocument, type OperationLimits } from './operation-limits';
import { fragmentBomb, worstRequests } from './worst-documents';

const schema = buildSchema(`
  type Query { enterprises(first: Int): EnterpriseConnection enterprise(creditCode: String!): Enterprise }
  type EnterpriseConnection { totalCount: Int edges: [EnterpriseEdge] }
  type EnterpriseEdge { node: Enterprise }
  type Enterprise { name: String permits(first: Int): PermitConnection }
  type PermitConnection { totalCount: Int edges: [PermitEdge] }
  type PermitEdge { node: Permit }
  type Permit { number: String holder: Enterprise }
`);

// The gateway's defaults, but for the three limits these tests reach on purpose.
const LIMITS: OperationLimits = {
  maxDocumentBytes: 32768,
  maxTokens: 1000,
  maxOperations: 10,
  maxFragments: 50,
  maxDirectivesPerField: 5,
  maxDepth: 8,
  maxAliases: 3,
  maxCost: 1000,
  maxVariablesBytes: 7340032,
  maxVariableValues: 50000,
};
const UNLIMITED: OperationLimits = { ...LIMITS, maxDepth: 1e9, maxAliases: 1e9, maxCost: Infinity };

function measure(source: string, variables: Record<string, unknown> = {}, limits = UNLIMITED) {
  return measureDocument(parse(source), schema, variables, limits)[0];
}

/** The refusal's extensions, or null when the document passes. */
function refusal(source: string, limits = LIMITS, variables: Record<string, unknown> = {}, against = schema) {
  try {
    checkDocument(source, against, variables, limits);
    return null;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { ...error.extensions, message: error.message };
  }
}

describe('operation limits', () => {
  it('pays for nested connections once per requested item, `first` from variables too', () => {
    const small = measure(`{ enterprises(first: 2) { edges { node { name } } } }`);
    const nested = `query ($n: Int) { enterprises(first: $n) { edges { node { permits(first: 10) { edges { node { number } } } } } } }`;
    expect(small.cost).toBe(1 + 2 * 3);
    expect(measure(nested, { n: 50 }).cost).toBeGreaterThan(50 * 10 * 3);
    expect(refusal(nested, LIMITS, { n: 50 })).toMatchObject({
      code: 'OPERATION_LIMIT_EXCEEDED',
      limit: 'cost',
      setting: 'GATEWAY_MAX_COST',
      max: 1000,
    });
    expect(refusal(`{ enterprises(first: 2) { edges { node { name } } } }`)).toBeNull();
  });

  it('counts depth through fragments and refuses a query nested too deep', () => {
    const deep = `
      { enterprise(creditCode: "x") { ...E } }
      fragment E on Enterprise { permits(first: 1) { edges { node { holder { permits(first: 1) { edges { node { holder { name } } } } } } } } }`;
    expect(measure(deep).depth).toBe(10);
    const refused = refusal(deep);
    expect(refused).toMatchObject({ limit: 'depth', max: 8 });
    expect(refused?.message).toMatch(
      /嵌套深度超过上限 8（GATEWAY_MAX_DEPTH）.*depth exceeds the limit of 8 \(GATEWAY_MAX_DEPTH\)/,
    );
  });

  it('counts every alias, whatever the field: introspection fields included', () => {
    expect(measure(`{ a: __typename b: __typename c: __typename d: __typename }`).aliases).toBe(4);
    expect(measure(`{ a: __typename b: __typename c: __typename d: __typename }`).cost).toBe(4);
    expect(refusal(`{ a: __typename b: __typename c: __typename d: __typename }`)).toMatchObject({
      limit: 'alias count',
    });
    expect(refusal(`{ a: enterprise(creditCode: "1") { name } b: enterprise(creditCode: "2") { name } }`)).toBeNull();
    expect(refusal(`{ a: __schema { b: types { c: name d: kind } } }`)).toMatchObject({ limit: 'alias count' });
  });

  it('lets the standard introspection query through: depth inside introspection types is not counted', () => {
    expect(refusal(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }))).toBeNull();
  });

  it('measures each fragment once, however often it is spread', () => {
    // Were fragments walked at every spread, this would look types up four million times.
    let lookups = 0;
    const counting = new Proxy(schema, {
      get: (target, property) =>
        property === 'getType'
          ? (name: string) => {
              lookups += 1;
              return target.getType(name);
            }
          : (Reflect.get(target, property) as unknown),
    });
    const measured = measureDocument(parse(fragmentBomb()), counting, {}, UNLIMITED)[0];
    expect(measured.aliases).toBe(2 ** 22);
    expect(measured.cost).toBe(2 ** 22);
    expect(lookups).toBeLessThanOrEqual(23);
    expect(refusal(fragmentBomb())).toMatchObject({ limit: 'alias count' });
    expect(refusal(fragmentBomb(22, '__typename'))).toMatchObject({ limit: 'cost' });
  });

  it('leaves a fragment cycle to validation instead of following it forever', () => {
    expect(refusal(`{ ...A } fragment A on Query { ...B } fragment B on Query { ...A __typename }`)).toBeNull();
  });

  it('counts tokens without parsing, up to one past the limit', () => {
    expect(countTokens('{ a b c }', 100)).toBe(5);
    expect(countTokens(`{ ${'a '.repeat(10_000)}}`, 100)).toBe(101);
    expect(countTokens('{ "unterminated }', 100)).toBeNull();
    // Commas and comments are not tokens; the size limit bounds them.
    expect(countTokens('{ a, b, # c d e\n }', 100)).toBe(4);
  });

  it('refuses what is too large before it is parsed, and too many operations, fragments or directives', () => {
    expect(refusal(`{ ${'__typename '.repeat(4000)}}`)).toMatchObject({
      limit: 'document size',
      setting: 'GATEWAY_MAX_DOCUMENT_BYTES',
    });
    // Chinese text takes three bytes a character: the size is counted in bytes.
    expect(refusal(`{ enterprise(creditCode: "${'运'.repeat(11_000)}") { name } }`)).toMatchObject({
      limit: 'document size',
    });
    expect(refusal(`{ ${'__typename '.repeat(1001)}}`)).toMatchObject({ limit: 'token count', max: 1000 });
    expect(refusal(Array.from({ length: 11 }, (_, index) => `query Q${index} { __typename }`).join(' '))).toMatchObject(
      {
        limit: 'operation count',
      },
    );
    const fragments = Array.from({ length: 51 }, (_, index) => `fragment F${index} on Query { __typename }`).join(' ');
    expect(refusal(`{ ...F0 } ${fragments}`)).toMatchObject({ limit: 'fragment count' });
    expect(refusal(`{ __typename ${'@skip(if: false) '.repeat(6)}}`)).toMatchObject({ limit: 'directives per field' });
    expect(
      refusal(
        `{ ... @skip(if: false) @skip(if: false) @skip(if: false) @skip(if: false) @skip(if: false) @skip(if: false) { __typename } }`,
      ),
    ).toMatchObject({ limit: 'directives per field' });
  });

  it('returns no document for one that does not parse (the server reports the syntax error)', () => {
    expect(checkDocument('{ enterprise(', schema, {}, LIMITS)).toBeNull();
    expect(checkDocument('{ __typename }', schema, {}, LIMITS)).not.toBeNull();
  });

  it('refuses every worst-case document the benchmark sends, naming the expected limit', () => {
    const defaults: OperationLimits = { ...LIMITS, maxDepth: 12, maxAliases: 20, maxCost: 20000 };
    for (const worst of worstRequests().filter((request) => !request.rawBody && !request.variables?.text)) {
      expect({ query: worst.query.slice(0, 60), ...refusal(worst.query, defaults, worst.variables) }).toMatchObject({
        limit: worst.limit,
      });
    }
  });
});
