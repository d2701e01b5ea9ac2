import type { AccessRules } from '../../platform/auth/access-rules';
import { Permission } from '../../platform/auth/permission.policy';

/** The audit trail is for administrators only (checked by scripts/access-rules.spec.ts). */
export const AUDIT_ACCESS: AccessRules = {
  AuditRecord: [Permission.AUDIT_READ],
  AuditRecordConnection: 'STRUCTURE',
  AuditRecordEdge: 'STRUCTURE',
};
