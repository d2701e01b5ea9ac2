import { WaybillStatus, type Waybill } from '../waybill/waybill.entity';
import type { SafetyReport } from './safety-report';

/** True when the waybill's origin and destination lie in different provinces (first two digits differ). */
export function crossesProvinces(waybill: Pick<Waybill, 'originRegionCode' | 'destinationRegionCode'>): boolean {
  return waybill.originRegionCode.slice(0, 2) !== waybill.destinationRegionCode.slice(0, 2);
}

/**
 * The version of a cross-province waybill's summary (跨省运输电子运单摘要) a transition produces: 1 when
 * it departs, 2 when it arrives or is cancelled in transit. Null for a waybill within one province, and
 * for one cancelled before it left (the platform never heard of it). Codes and figures only: no shipper
 * or consignee name, no goods description (free text may name people).
 */
export function crossProvinceWaybillReport(waybill: Waybill): SafetyReport | null {
  if (!crossesProvinces(waybill)) return null;
  const version =
    waybill.status === WaybillStatus.IN_TRANSIT
      ? 1
      : waybill.departedAt !== null &&
          (waybill.status === WaybillStatus.ARRIVED || waybill.status === WaybillStatus.CANCELLED)
        ? 2
        : null;
  if (version === null) return null;
  const instant = (value: Date | null) => (value === null ? null : new Date(value).toISOString());
  return {
    reportType: 'CROSS_PROVINCE_WAYBILL',
    reportId: waybill.waybillNumber,
    version,
    // The origin's authority acts on the waybill, so it is the reporting region.
    regionCode: waybill.originRegionCode,
    payload: {
      waybillNumber: waybill.waybillNumber,
      carrierCreditCode: waybill.carrierCreditCode,
      plateNumber: waybill.plateNumber,
      unNumber: waybill.unNumber,
      hazardClass: waybill.hazardClass,
      quantityKg: waybill.quantityKg,
      originRegionCode: waybill.originRegionCode,
      destinationRegionCode: waybill.destinationRegionCode,
      status: waybill.status,
      createdAt: instant(waybill.createdAt),
      departedAt: instant(waybill.departedAt),
      arrivedAt: instant(waybill.arrivedAt),
      cancelledAt: instant(waybill.cancelledAt),
    },
  };
}
