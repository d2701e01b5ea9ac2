import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { AUDIT_ACCESS } from '../gateway/audit/audit.access';
import { buildAuditSchema } from '../gateway/audit/audit.subgraph';
import { buildExchangeSchema, EXCHANGE_ACCESS } from '../gateway/exchange/exchange.subgraph';
import { CREDIT_ACCESS } from '../subgraphs/credit/credit.access';
import { ENFORCEMENT_ACCESS } from '../subgraphs/enforcement/enforcement.access';
import { accessRuleProblems, type AccessRules } from '../platform/auth/access-rules';
import { Permission } from '../platform/auth/permission.policy';
import { LICENSING_ACCESS } from '../subgraphs/licensing/licensing.access';
import { SAFETY_ACCESS } from '../subgraphs/safety/safety.access';
import { STATISTICS_ACCESS } from '../subgraphs/statistics/statistics.access';
import { SUBGRAPHS } from '../subgraphs/registry';

const DECLARED: Array<[string, () => Promise<GraphQLSchema>, AccessRules]> = [
  ['licensing', () => SUBGRAPHS.licensing.buildSchema(), LICENSING_ACCESS],
  ['enforcement', () => SUBGRAPHS.enforcement.buildSchema(), ENFORCEMENT_ACCESS],
  ['credit', () => SUBGRAPHS.credit.buildSchema(), CREDIT_ACCESS],
  ['safety', () => SUBGRAPHS.safety.buildSchema(), SAFETY_ACCESS],
  ['statistics', () => SUBGRAPHS.statistics.buildSchema(), STATISTICS_ACCESS],
  ['audit', buildAuditSchema, AUDIT_ACCESS],
  ['exchange', buildExchangeSchema, EXCHANGE_ACCESS],
];

describe('access rules (default deny)', () => {
  it.each(DECLARED)('cover every type, field and mutation of %s', async (_name, build, rules) => {
    expect(accessRuleProblems(await build(), rules)).toEqual([]);
  });

  it('flag a type without a rule and a resolver showing a type to callers its rule does not name', async () => {
    const schema = await SUBGRAPHS.licensing.buildSchema();
    const { Permit: _permit, ...withoutPermit } = LICENSING_ACCESS;
    expect(accessRuleProblems(schema, withoutPermit)).toContain('type Permit declares no access rule');
    const tooNarrow = { ...LICENSING_ACCESS, Permit: [Permission.PERMIT_DECIDE] };
    expect(accessRuleProblems(schema, tooNarrow)).toContain(
      "Query.permit shows Permit to permit:read, which Permit's rule does not allow",
    );
  });

  it('flag a public resolver that is not on the public allowlist, and a public type shown to the public too widely', async () => {
    const schema = await SUBGRAPHS.licensing.buildSchema();
    expect(accessRuleProblems(schema, LICENSING_ACCESS, new Set(['certificateSigningKeys']))).toEqual([
      'Query.verifyCertificate is open to the public but is not a root query on the public allowlist (PUBLIC_QUERY_FIELDS)',
    ]);
    const certificateForOfficersOnly = { ...LICENSING_ACCESS, ElectronicCertificate: [Permission.PERMIT_READ] };
    expect(accessRuleProblems(schema, certificateForOfficersOnly)).toContain(
      "Query.verifyCertificate shows ElectronicCertificate to public:verify, which ElectronicCertificate's rule does not allow",
    );
  });
});
