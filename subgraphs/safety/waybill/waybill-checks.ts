import { classCovers } from '../../../platform/codes/hazard-class';
import { VehicleCategory } from '../../../platform/codes/vehicle-category';
import type { CarrierPermit } from '../registry/carrier-permit.entity';
import { hazardClassList, type SafetyVehicle } from '../registry/safety-vehicle.entity';

/** One failed check of a waybill: a stable code, the input field at fault, and what is wrong. */
export interface WaybillCheckFailure {
  code: string;
  field: string;
  message: string;
}

/** What a waybill is checked for against the registry (the rest of it was checked for form). */
export interface WaybillFacts {
  carrierCreditCode: string;
  plateNumber: string;
  hazardClass: string;
  quantityKg: number;
}

/**
 * The carrier's permits and the vehicle as safety's projections hold them, and today's China date: the
 * checks 危险货物道路运输安全管理办法 asks of a carrier before loading (第十九条、第二十条). Every failure is
 * returned, so the dispatcher fixes the waybill in one go.
 */
export function registryCheckFailures(
  facts: WaybillFacts,
  permits: readonly CarrierPermit[],
  vehicle: SafetyVehicle | null,
  today: string,
): WaybillCheckFailure[] {
  return [...permitFailures(facts, permits, today), ...vehicleFailures(facts, vehicle)];
}

function permitFailures(facts: WaybillFacts, permits: readonly CarrierPermit[], today: string): WaybillCheckFailure[] {
  const field = 'carrierCreditCode';
  if (permits.length === 0) {
    return [
      {
        code: 'CARRIER_NOT_PERMITTED',
        field,
        message: `承运人${facts.carrierCreditCode}未取得危险货物道路运输经营许可 (the carrier holds no hazardous-goods transport permit)`,
      },
    ];
  }
  const valid = permits.filter((permit) => permit.status === 'VALID');
  if (valid.length === 0) {
    const revoked = permits.some((permit) => permit.status === 'REVOKED');
    const numbers = permits.map((permit) => permit.permitNumber).join(', ');
    return [
      revoked && permits.every((permit) => permit.status === 'REVOKED')
        ? {
            code: 'CARRIER_PERMIT_REVOKED',
            field,
            message: `承运人的危险货物道路运输经营许可已被吊销 (permit ${numbers} revoked)`,
          }
        : {
            code: 'CARRIER_PERMIT_SUSPENDED',
            field,
            message: `承运人的危险货物道路运输经营许可已被暂扣 (permit ${numbers} suspended)`,
          },
    ];
  }
  const inDate = valid.filter((permit) => permit.validFrom <= today && today <= permit.validUntil);
  if (inDate.length === 0) {
    return [
      {
        code: 'CARRIER_PERMIT_EXPIRED',
        field,
        message: `承运人的危险货物道路运输经营许可不在有效期内 (no permit valid on ${today})`,
      },
    ];
  }
  if (!inDate.some((permit) => classCovers(hazardClassList(permit.hazardClasses), facts.hazardClass))) {
    const granted = [...new Set(inDate.flatMap((permit) => hazardClassList(permit.hazardClasses)))].join('、');
    return [
      {
        code: 'CARRIER_CLASS_NOT_PERMITTED',
        field: 'hazardClass',
        message: `承运人的经营许可不含第${facts.hazardClass}类危险货物，许可类别: ${granted || '未登记'} (the permit does not cover class ${facts.hazardClass})`,
      },
    ];
  }
  return [];
}

function vehicleFailures(facts: WaybillFacts, vehicle: SafetyVehicle | null): WaybillCheckFailure[] {
  const field = 'plateNumber';
  if (vehicle === null) {
    return [
      {
        code: 'VEHICLE_NOT_REGISTERED',
        field,
        message: `车辆${facts.plateNumber}未登记道路运输证 (the vehicle is not in the registry)`,
      },
    ];
  }
  const failures: WaybillCheckFailure[] = [];
  if (vehicle.ownerCreditCode !== facts.carrierCreditCode) {
    failures.push({
      code: 'VEHICLE_NOT_CARRIERS',
      field,
      message: `车辆${facts.plateNumber}不属于承运人${facts.carrierCreditCode} (the vehicle belongs to another enterprise)`,
    });
  }
  if (vehicle.certificateStatus !== 'VALID') {
    failures.push({
      code: vehicle.certificateStatus === 'REVOKED' ? 'VEHICLE_CERTIFICATE_REVOKED' : 'VEHICLE_CERTIFICATE_SUSPENDED',
      field,
      message: `车辆${facts.plateNumber}的道路运输证${vehicle.certificateStatus === 'REVOKED' ? '已吊销' : '已暂扣'} (the road transport certificate is ${vehicle.certificateStatus.toLowerCase()})`,
    });
  }
  if (vehicle.category !== VehicleCategory.HAZARDOUS_GOODS) {
    failures.push({
      code: 'VEHICLE_NOT_HAZARDOUS_GOODS',
      field,
      message: `车辆${facts.plateNumber}不是危险货物运输车辆 (the vehicle is certified as ${vehicle.category})`,
    });
  } else if (!classCovers(hazardClassList(vehicle.hazardClasses), facts.hazardClass)) {
    failures.push({
      code: 'VEHICLE_CLASS_NOT_PERMITTED',
      field: 'hazardClass',
      message: `车辆${facts.plateNumber}核定的危险货物类别不含第${facts.hazardClass}类，核定类别: ${hazardClassList(vehicle.hazardClasses).join('、') || '未登记'} (the vehicle is not certified for class ${facts.hazardClass})`,
    });
  }
  if (vehicle.approvedLoadKg !== null && facts.quantityKg > vehicle.approvedLoadKg) {
    failures.push({
      code: 'QUANTITY_OVER_APPROVED_LOAD',
      field: 'quantityKg',
      message: `装载量${facts.quantityKg}千克超过车辆核定载质量${vehicle.approvedLoadKg}千克 (over the vehicle's approved load)`,
    });
  }
  return failures;
}
