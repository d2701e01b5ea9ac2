import type { AccessRules } from '../../platform/auth/access-rules';
import { Permission } from '../../platform/auth/permission.policy';

/** Who may see each safety type (checked by scripts/access-rules.spec.ts). */
export const SAFETY_ACCESS: AccessRules = {
  Waybill: [Permission.WAYBILL_READ, Permission.WAYBILL_WRITE],
  WaybillConnection: 'STRUCTURE',
  WaybillEdge: 'STRUCTURE',
  CreateWaybillPayload: 'STRUCTURE',
  WaybillCheck: 'STRUCTURE',
  WaybillCheckFailure: 'STRUCTURE',
  WaybillPayload: 'STRUCTURE',
  SafetyInspection: [Permission.HAZARD_READ, Permission.HAZARD_WRITE],
  HiddenHazard: [Permission.HAZARD_READ, Permission.HAZARD_WRITE],
  HazardEvidence: [Permission.HAZARD_READ, Permission.HAZARD_WRITE],
  RegionOverdueHazards: [Permission.HAZARD_READ, Permission.HAZARD_WRITE],
  EnterpriseOpenHazards: [Permission.HAZARD_READ, Permission.HAZARD_WRITE],
  HiddenHazardConnection: 'STRUCTURE',
  HiddenHazardEdge: 'STRUCTURE',
  RecordSafetyInspectionPayload: 'STRUCTURE',
  HiddenHazardPayload: 'STRUCTURE',
  Accident: [Permission.ACCIDENT_READ, Permission.ACCIDENT_WRITE],
  AccidentReportVersion: [Permission.ACCIDENT_READ, Permission.ACCIDENT_WRITE],
  AccidentConnection: 'STRUCTURE',
  AccidentEdge: 'STRUCTURE',
  AccidentPayload: 'STRUCTURE',
  NationalSafetyDelivery: [Permission.SAFETY_REPORT_READ],
  NationalSafetyDeliveryConnection: 'STRUCTURE',
  NationalSafetyDeliveryEdge: 'STRUCTURE',
  NationalSafetyDeliverySummary: [Permission.SAFETY_REPORT_READ],
  Enterprise: 'ENTITY_KEY',
  Vehicle: 'ENTITY_KEY',
};
