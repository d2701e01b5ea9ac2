import { graphql } from 'graphql';
import { accessRuleProblems } from '../auth/access-rules';
import { authorized } from '../auth/authorized-resolver';
import type { Identity } from '../auth/identity';
import { Permission } from '../auth/permission.policy';
import { buildSdlSubgraphSchema } from './sdl-subgraph';

function identity(roles: string[]): Identity {
  return {
    subject: 'subject-1',
    username: 'someone',
    clientId: 'single-window-web',
    roles: new Set(roles),
    region: '000000',
    department: null,
    partnerClient: null,
    serviceAccount: false,
    scopes: new Set(),
  };
}

const TYPE_DEFS = `
  type Query {
    "Secrets for administrators."
    secret: Secret!
    "Something anyone could read, were a rule declared."
    weather: String
  }
  "A secret."
  type Secret {
    "Its text."
    text: String!
  }
`;

const secret = authorized([Permission.AUDIT_READ], () => ({ text: 'kept' }));

describe('SDL subgraphs (no type-graphql)', () => {
  it('refuse to build while a root field declares no access rule', () => {
    expect(() => buildSdlSubgraphSchema(TYPE_DEFS, { Query: { secret, weather: () => 'fine' } })).toThrow(
      'Resolvers without an access rule: Query.weather',
    );
  });

  it('check the declared permissions on every call', async () => {
    const schema = buildSdlSubgraphSchema(TYPE_DEFS, {
      Query: { secret, weather: authorized([Permission.STATISTICS_READ], () => 'fine') },
    });
    const ask = (roles: string[] | null) =>
      graphql({ schema, source: '{ secret { text } }', contextValue: { identity: roles && identity(roles) } });
    expect((await ask(null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await ask(['statistics-analyst'])).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await ask(['admin'])).data).toEqual({ secret: { text: 'kept' } });
  });

  it('show their declared rules to the access-rule check', () => {
    const schema = buildSdlSubgraphSchema(TYPE_DEFS, {
      Query: { secret, weather: authorized([Permission.STATISTICS_READ], () => 'fine') },
    });
    expect(accessRuleProblems(schema, { Secret: [Permission.AUDIT_READ] })).toEqual([]);
    expect(accessRuleProblems(schema, { Secret: [Permission.CASE_READ] })).toEqual([
      "Query.secret shows Secret to audit:read, which Secret's rule does not allow",
    ]);
  });
});
