import type { AccessRules } from '../../platform/auth/access-rules';
import { Permission } from '../../platform/auth/permission.policy';
import { OVERLOAD_ACCESS } from './overload/overload.access';

const CASE_ROLES = [Permission.CASE_READ, Permission.CASE_FILE, Permission.CASE_INVESTIGATE, Permission.CASE_DECIDE];
/** Evidence and assistance requests are for those who handle cases, not for every reader of cases. */
const CASE_HANDLERS = [Permission.CASE_INVESTIGATE, Permission.CASE_DECIDE];

/**
 * Who may see each enforcement type (checked by scripts/access-rules.spec.ts). Parties' personal
 * information is further masked unless a pii-reader declared a purpose (enforcement.text-fields.ts).
 */
export const ENFORCEMENT_ACCESS: AccessRules = {
  EnforcementCase: CASE_ROLES,
  CaseStep: CASE_ROLES,
  CaseShare: CASE_ROLES,
  PenaltyProposal: CASE_ROLES,
  LegalReview: CASE_ROLES,
  PenaltyNotice: CASE_ROLES,
  CaseHearing: CASE_ROLES,
  CaseExecution: CASE_ROLES,
  CaseTransfer: CASE_ROLES,
  CaseEvidence: CASE_HANDLERS,
  CaseEvidenceContent: CASE_HANDLERS,
  AssistanceRequest: CASE_HANDLERS,
  EnforcementCaseConnection: 'STRUCTURE',
  EnforcementCaseEdge: 'STRUCTURE',
  AssistanceRequestConnection: 'STRUCTURE',
  AssistanceRequestEdge: 'STRUCTURE',
  CasePayload: 'STRUCTURE',
  CaseEvidencePayload: 'STRUCTURE',
  CaseTransferPayload: 'STRUCTURE',
  RequestAssistancePayload: 'STRUCTURE',
  AssistanceEvidencePayload: 'STRUCTURE',
  AnswerAssistancePayload: 'STRUCTURE',
  Enterprise: 'ENTITY_KEY',
  Vehicle: 'ENTITY_KEY',
  ...OVERLOAD_ACCESS,
};
