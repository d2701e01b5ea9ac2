import type { AccessRules } from '../kit/auth/access-rules';
import { Permission } from '../kit/auth/permission.policy';

/** Who may see each safety type (checked by scripts/access-rules.spec.ts). */
export const SAFETY_ACCESS: AccessRules = {
  Waybill: [Permission.WAYBILL_READ, Permission.WAYBILL_WRITE],
  WaybillConnection: 'STRUCTURE',
  WaybillEdge: 'STRUCTURE',
  CreateWaybillPayload: 'STRUCTURE',
  WaybillPayload: 'STRUCTURE',
  Enterprise: 'ENTITY_KEY',
  Vehicle: 'ENTITY_KEY',
};
