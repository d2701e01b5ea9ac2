import type { AccessRules } from '../../platform/auth/access-rules';
import { Permission } from '../../platform/auth/permission.policy';

/** Who may see each safety type (checked by scripts/access-rules.spec.ts). */
export const SAFETY_ACCESS: AccessRules = {
  Waybill: [Permission.WAYBILL_READ, Permission.WAYBILL_WRITE],
  WaybillConnection: 'STRUCTURE',
  WaybillEdge: 'STRUCTURE',
  CreateWaybillPayload: 'STRUCTURE',
  WaybillPayload: 'STRUCTURE',
  SafetyAlert: [Permission.SAFETY_ALERT_READ, Permission.SAFETY_ALERT_HANDLE],
  SafetyAlertConnection: 'STRUCTURE',
  SafetyAlertEdge: 'STRUCTURE',
  SafetyAlertPayload: 'STRUCTURE',
  VehiclePositionView: [Permission.SAFETY_ALERT_READ],
  OnlineRate: [Permission.SAFETY_ALERT_READ],
  SubmitVehiclePositionsPayload: 'STRUCTURE',
  PositionResult: 'STRUCTURE',
  PositionProblem: 'STRUCTURE',
  Enterprise: 'ENTITY_KEY',
  Vehicle: 'ENTITY_KEY',
};
