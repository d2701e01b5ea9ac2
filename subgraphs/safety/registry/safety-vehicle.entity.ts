import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { VehicleCategory } from '../../../platform/codes/vehicle-category';

/**
 * Safety's copy of the vehicle registry, kept from licensing's `vehicle.registered` and
 * `vehicle.certificate-changed` events; safety never reads licensing's tables. Waybills are checked against
 * it, and networked monitoring (联网联控) finds a plate's owner, category and speed limit here.
 */
@Entity({ name: 'safety_vehicle' })
@Index('ix_safety_vehicle_owner', ['ownerCreditCode'])
@Index('ix_safety_vehicle_region', ['regionCode'])
export class SafetyVehicle {
  @PrimaryColumn({ name: 'plate_number', type: 'varchar', length: 8 })
  plateNumber: string;

  @Column({ name: 'owner_credit_code', type: 'varchar', length: 18 })
  ownerCreditCode: string;

  /** GB/T 2260 code of the region that issued the road transport certificate. */
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Column({ name: 'category', type: 'varchar', length: 24 })
  category: VehicleCategory;

  /** Road transport certificate number (道路运输证号). */
  @Column({ name: 'transport_certificate_number', type: 'varchar', length: 64 })
  transportCertificateNumber: string;

  /** VALID, SUSPENDED or REVOKED: a suspended or revoked certificate may not carry goods or passengers. */
  @Column({ name: 'certificate_status', type: 'varchar', length: 16 })
  certificateStatus: 'VALID' | 'SUSPENDED' | 'REVOKED';

  /** Approved load (核定载质量) in kilograms; null when the registry does not state it. */
  @Column({ name: 'approved_load_kg', type: 'int', nullable: true })
  approvedLoadKg: number | null;

  /** GB 6944 classes or divisions a hazardous-goods vehicle is certified for, comma-separated (e.g. `3,8`). */
  @Column({ name: 'hazard_classes', type: 'varchar', length: 64, nullable: true })
  hazardClasses: string | null;

  /** The event time of the last change applied; an older event never overwrites a newer one. */
  @Column({ name: 'changed_at', type: 'datetime' })
  changedAt: Date;
}

/** The classes of a `hazard_classes` column as a list. */
export function hazardClassList(value: string | null): string[] {
  return value ? value.split(',').filter((item) => item.length > 0) : [];
}
