import type { AccessRules } from '../kit/auth/access-rules';
import { Permission } from '../kit/auth/permission.policy';
import { OVERLOAD_ACCESS } from './overload/overload.access';

const CASE_ROLES = [Permission.CASE_READ, Permission.CASE_FILE, Permission.CASE_INVESTIGATE, Permission.CASE_DECIDE];

/**
 * Who may see each enforcement type (checked by scripts/access-rules.spec.ts). Parties' personal
 * information is further masked unless a pii-reader declared a purpose (case-party.ts).
 */
export const ENFORCEMENT_ACCESS: AccessRules = {
  EnforcementCase: CASE_ROLES,
  CaseStep: CASE_ROLES,
  CaseShare: CASE_ROLES,
  EnforcementCaseConnection: 'STRUCTURE',
  EnforcementCaseEdge: 'STRUCTURE',
  CasePayload: 'STRUCTURE',
  Enterprise: 'ENTITY_KEY',
  Vehicle: 'ENTITY_KEY',
  ...OVERLOAD_ACCESS,
};
