import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Safety's copy of the hazardous-goods transport permits (危险货物道路运输经营许可), kept from licensing's
 * `permit.issued` and `permit.status-changed` events. A carrier may be given a waybill only while it holds a
 * VALID one, in date, covering the goods' class; a suspension or revocation by enforcement arrives as
 * `permit.status-changed` and blocks new waybills at once.
 */
@Entity({ name: 'safety_carrier_permit' })
@Index('ix_safety_carrier_permit_holder', ['creditCode'])
export class CarrierPermit {
  @PrimaryColumn({ name: 'permit_number', type: 'varchar', length: 64 })
  permitNumber: string;

  @Column({ name: 'credit_code', type: 'varchar', length: 18 })
  creditCode: string;

  /** GB/T 2260 code of the issuing region. */
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Column({ name: 'status', type: 'varchar', length: 16 })
  status: 'VALID' | 'SUSPENDED' | 'REVOKED';

  /** GB 6944 classes or divisions the permit covers, comma-separated; empty means every class. */
  @Column({ name: 'hazard_classes', type: 'varchar', length: 64 })
  hazardClasses: string;

  /** China Standard Time dates YYYY-MM-DD. */
  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_until', type: 'date' })
  validUntil: string;

  /** The event time of the last change applied; an older event never overwrites a newer one. */
  @Column({ name: 'changed_at', type: 'datetime' })
  changedAt: Date;
}
