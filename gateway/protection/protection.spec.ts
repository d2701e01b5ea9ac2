import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { enforceOperationLimits, measureOperation } from './operation-limits';
import { RateLimiter } from './rate-limiter';

const schema = buildSchema(`
  type Query { enterprises(first: Int): EnterpriseConnection enterprise(creditCode: String!): Enterprise }
  type EnterpriseConnection { totalCount: Int edges: [EnterpriseEdge] }
  type EnterpriseEdge { node: Enterprise }
  type Enterprise { name: String permits(first: Int): PermitConnection }
  type PermitConnection { totalCount: Int edges: [PermitEdge] }
  type PermitEdge { node: Permit }
  type Permit { number: String holder: Enterprise }
`);

function measure(source: string, variables: Record<string, unknown> = {}) {
  const document = parse(source);
  const operation = document.definitions.find(
    (definition) => definition.kind === 'OperationDefinition',
  ) as OperationDefinitionNode;
  return measureOperation(schema, document, operation, variables);
}

const LIMITS = { maxDepth: 8, maxAliases: 3, maxCost: 1000 };

describe('operation limits', () => {
  it('pays for nested connections once per requested item', () => {
    const small = measure(`{ enterprises(first: 2) { edges { node { name } } } }`);
    const nested = measure(
      `query ($n: Int) { enterprises(first: $n) { edges { node { permits(first: 10) { edges { node { number } } } } } } }`,
      { n: 50 },
    );
    expect(small.cost).toBe(1 + 2 * 3);
    expect(nested.cost).toBeGreaterThan(50 * 10 * 3);
    expect(() => enforceOperationLimits(nested, LIMITS)).toThrow(
      /cost is \d+, over the limit of 1000 \(GATEWAY_MAX_COST\)/,
    );
    expect(() => enforceOperationLimits(small, LIMITS)).not.toThrow();
  });

  it('counts depth through fragments and refuses a query nested too deep', () => {
    const deep = measure(`
      { enterprise(creditCode: "x") { ...E } }
      fragment E on Enterprise { permits(first: 1) { edges { node { holder { permits(first: 1) { edges { node { holder { name } } } } } } } } }`);
    expect(deep.depth).toBe(10);
    expect(() => enforceOperationLimits(deep, LIMITS)).toThrow(
      /depth is 10, over the limit of 8 \(GATEWAY_MAX_DEPTH\)/,
    );
  });

  it('refuses an operation with more aliases than allowed', () => {
    const aliased = measure(
      `{ a: enterprise(creditCode: "1") { name } b: enterprise(creditCode: "2") { name } c: enterprise(creditCode: "3") { name } d: enterprise(creditCode: "4") { name } }`,
    );
    expect(aliased.aliases).toBe(4);
    expect(() => enforceOperationLimits(aliased, LIMITS)).toThrow(
      /alias count is 4, over the limit of 3 \(GATEWAY_MAX_ALIASES\)/,
    );
  });
});

describe('the per-caller rate limiter', () => {
  it("allows a minute's quota in a burst, refuses the next with a wait, and refills over time", () => {
    let now = 0;
    const limiter = new RateLimiter(3, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(20);
    expect(limiter.take('b')).toBe(0);
    now += 20_000;
    expect(limiter.take('a')).toBe(0);
  });

  it('never refuses when the limit is switched off', () => {
    const limiter = new RateLimiter(0);
    for (let index = 0; index < 1000; index += 1) expect(limiter.take('a')).toBe(0);
  });
});
