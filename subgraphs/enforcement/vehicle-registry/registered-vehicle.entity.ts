import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Enforcement's copy of the vehicle registry (plate -> owning enterprise and certifying region), kept
 * from licensing's `vehicle.registered` events so weigh-station records find their enterprise without
 * reading licensing's tables. Not part of the graph: licensing serves `Vehicle` itself.
 */
@Entity({ name: 'registered_vehicle' })
export class RegisteredVehicle {
  @PrimaryColumn({ name: 'plate_number', type: 'varchar', length: 8 })
  plateNumber: string;

  @Column({ name: 'owner_credit_code', type: 'varchar', length: 18 })
  ownerCreditCode: string;

  /** GB/T 2260 code of the region that issued the vehicle's road transport certificate. */
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Column({ name: 'registered_at', type: 'datetime' })
  registeredAt: Date;
}
