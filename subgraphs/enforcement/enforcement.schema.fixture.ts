import { graphql, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { Identity } from '../../platform/auth/identity';
import { PurposeCode, type Purpose } from '../../platform/auth/purpose';
import { RequestLoaders } from '../../platform/graphql/request-loaders';
import { identityOf } from '../../platform/testing/callers';
import { testbedPerTest } from '../../platform/testing/subgraph-testbed';
import type { EnforcementContext } from './enforcement.context';
import type { EnforcementTestbed } from './enforcement.fixture';
import { buildSchema, enforcementSubgraph } from './enforcement.subgraph';

// For specs only: callers as their tokens describe them, and the enforcement schema served on a fresh
// testbed (platform/testing/subgraph-testbed.ts) for the specs that query it.

export const OFFICER = identityOf('nj-enforcement-officer', '320100', 'enforcement-officer');
export const SUPERVISOR = identityOf('js-enforcement-supervisor', '320000', 'enforcement-supervisor');
export const PII_OFFICER = identityOf('js-pii-officer', '320000', 'enforcement-officer', 'pii-reader');
export const ZHEJIANG_OFFICER = identityOf('zj-enforcement-officer', '330000', 'enforcement-officer');
export const ZHEJIANG_SUPERVISOR = identityOf('zj-enforcement-supervisor', '330000', 'enforcement-supervisor');
export const SHANGHAI_OFFICER = identityOf('sh-enforcement-officer', '310000', 'enforcement-officer');
export const SAFETY_OFFICER = identityOf('js-safety-officer', '320000', 'safety-officer');
export const INVESTIGATION: Purpose = { code: PurposeCode.ENFORCEMENT_INVESTIGATION, reason: '核查当事人身份' };

/** Runs a GraphQL document against the served schema as `caller` (null: no token), with a declared purpose. */
export type RunAs = (
  caller: Identity | null,
  source: string,
  variableValues?: Record<string, unknown>,
  purpose?: Purpose | null,
) => Promise<ExecutionResult>;

/**
 * The schema, built once for the enclosing describe block, served on a fresh testbed for every test; `use`
 * receives the testbed and a `run` that executes documents on it.
 */
export function servedPerTest(use: (served: { testbed: EnforcementTestbed; run: RunAs }) => void): void {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildSchema();
  });
  testbedPerTest(enforcementSubgraph, (testbed) => {
    const run: RunAs = (caller, source, variableValues, purpose = null) => {
      const contextValue: EnforcementContext = {
        identity: caller,
        purpose,
        services: testbed.services,
        loaders: new RequestLoaders(),
      };
      return graphql({ schema, source, variableValues, contextValue });
    };
    use({ testbed, run });
  });
}
