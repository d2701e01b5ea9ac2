import { Directive, Field, ObjectType } from 'type-graphql';
import { freeText } from '../../../platform/crypto/encrypted-column';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Directive('@key(fields: "plateNumber")')
@ObjectType({ description: 'An operating vehicle holding a road transport certificate (道路运输证).' })
@Entity({ name: 'vehicle' })
@Index('ix_vehicle_owner', ['ownerCreditCode'])
export class Vehicle {
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'Plate number (号牌号码), GA 36 ordinary or new-energy form.' })
  @Index('uq_vehicle_plate', { unique: true })
  @Column({ name: 'plate_number', type: 'varchar', length: 8 })
  plateNumber: string;

  @Column({ name: 'owner_credit_code', type: 'varchar', length: 18 })
  ownerCreditCode: string;

  @Field({ description: 'Vehicle type as on the certificate, e.g. 危险货物运输车.' })
  @Column({ name: 'vehicle_type', type: 'text', transformer: freeText('licensing', 'vehicle.vehicle_type') })
  vehicleType: string;

  @Field({ description: 'Road transport certificate number (道路运输证号).' })
  @Column({ name: 'transport_certificate_number', type: 'varchar', length: 64 })
  transportCertificateNumber: string;

  @Field({ description: 'GB/T 2260 code of the region that issued the certificate.' })
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Field({ description: 'When the vehicle entered the registry (UTC).' })
  @Column({ name: 'registered_at', type: 'datetime' })
  registeredAt: Date;
}
