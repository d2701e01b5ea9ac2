import { freeText } from '../../../platform/crypto/encrypted-column';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { VehicleCertificateStatus } from './vehicle.entity';

/** A decision on a vehicle's road transport certificate: who suspended, restored or revoked it, and why. */
@Entity({ name: 'vehicle_certificate_change' })
export class VehicleCertificateChange {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('ix_vehicle_certificate_change_vehicle')
  @Column({ name: 'vehicle_id', type: 'int' })
  vehicleId: number;

  @Column({ name: 'from_status', type: 'varchar', length: 16 })
  fromStatus: VehicleCertificateStatus;

  @Column({ name: 'to_status', type: 'varchar', length: 16 })
  toStatus: VehicleCertificateStatus;

  @Column({ type: 'varchar', length: 100 })
  actor: string;

  @Column({ name: 'occurred_at', type: 'datetime' })
  occurredAt: Date;

  @Column({ type: 'text', transformer: freeText('licensing', 'vehicle_certificate_change.reason') })
  reason: string;
}
