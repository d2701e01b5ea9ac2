import type { EntityManager } from 'typeorm';
import type { EventPayloads } from '../../../platform/outbox/domain-event';
import { CarrierPermit } from './carrier-permit.entity';
import { SafetyVehicle } from './safety-vehicle.entity';

/** Licensing's permit kind of hazardous-goods road transport (危险货物道路运输经营许可). */
const HAZARDOUS_GOODS_PERMIT = 'HAZARDOUS_GOODS_TRANSPORT';

type VehicleRegistered = EventPayloads['vehicle.registered'];
type CertificateChanged = EventPayloads['vehicle.certificate-changed'];
type PermitIssued = EventPayloads['permit.issued'];
type PermitStatusChanged = EventPayloads['permit.status-changed'];

/** Whole-second event times, as DATETIME keeps them, so "older than" compares the same on every database. */
function eventTime(value: string): Date {
  return new Date(Math.floor(Date.parse(value) / 1000) * 1000);
}

/**
 * Keeps safety's copies of licensing's vehicles and hazardous-goods permits from licensing's events, in
 * the inbox transaction. Each handler is idempotent, and an event older than what a row already holds
 * (a redelivery after a later change) leaves it alone.
 */
export class SafetyRegistryService {
  async applyVehicleRegistered(manager: EntityManager, event: VehicleRegistered): Promise<void> {
    const changedAt = eventTime(event.registeredAt);
    const current = await manager.findOneBy(SafetyVehicle, { plateNumber: event.plateNumber });
    if (current && current.changedAt.getTime() > changedAt.getTime()) return;
    await manager.save(
      manager.create(SafetyVehicle, {
        plateNumber: event.plateNumber,
        ownerCreditCode: event.ownerCreditCode,
        regionCode: event.regionCode,
        // A vehicle announced before its category was recorded: an ordinary one until licensing says more.
        category: (event.category ?? 'FREIGHT') as SafetyVehicle['category'],
        transportCertificateNumber: event.transportCertificateNumber ?? '',
        certificateStatus: current?.certificateStatus ?? 'VALID',
        approvedLoadKg: event.approvedLoadKg ?? null,
        hazardClasses: event.hazardClasses && event.hazardClasses.length > 0 ? event.hazardClasses.join(',') : null,
        changedAt,
      }),
    );
  }

  async applyCertificateChanged(manager: EntityManager, event: CertificateChanged): Promise<void> {
    const changedAt = eventTime(event.changedAt);
    await manager
      .createQueryBuilder()
      .update(SafetyVehicle)
      .set({ certificateStatus: event.toStatus, changedAt })
      .where('plate_number = :plate AND changed_at <= :changedAt', { plate: event.plateNumber, changedAt })
      .execute();
  }

  async applyPermitIssued(manager: EntityManager, event: PermitIssued): Promise<void> {
    if (event.kind !== HAZARDOUS_GOODS_PERMIT) return;
    if (await manager.existsBy(CarrierPermit, { permitNumber: event.permitNumber })) return;
    await manager.insert(CarrierPermit, {
      permitNumber: event.permitNumber,
      creditCode: event.creditCode,
      regionCode: event.regionCode,
      status: 'VALID',
      hazardClasses: (event.hazardClasses ?? []).join(','),
      validFrom: event.validFrom,
      validUntil: event.validUntil,
      changedAt: eventTime(event.issuedAt),
    });
  }

  /** Permits of other kinds are not kept, so their changes match no row. */
  async applyPermitStatusChanged(manager: EntityManager, event: PermitStatusChanged): Promise<void> {
    const changedAt = eventTime(event.changedAt);
    await manager
      .createQueryBuilder()
      .update(CarrierPermit)
      .set({ status: event.toStatus, changedAt })
      .where('permit_number = :number AND changed_at <= :changedAt', { number: event.permitNumber, changedAt })
      .execute();
  }
}
