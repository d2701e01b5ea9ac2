import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { codeListColumn } from '../../../platform/database/code-list-column';
import { VehicleCategory } from '../../../platform/codes/vehicle-category';
import { freeText } from '../../../platform/crypto/encrypted-column';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum VehicleCertificateStatus {
  VALID = 'VALID',
  SUSPENDED = 'SUSPENDED',
  REVOKED = 'REVOKED',
}

registerEnumType(VehicleCertificateStatus, {
  name: 'VehicleCertificateStatus',
  description: 'Whether a road transport certificate (道路运输证) is in force.',
  valuesConfig: {
    VALID: { description: 'In force (有效).' },
    SUSPENDED: { description: 'Suspended (暂扣): the vehicle may not operate until it is restored.' },
    REVOKED: { description: 'Revoked (吊销); final.' },
  },
});

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

  @Field(() => VehicleCategory, {
    nullable: true,
    description:
      'What the certificate allows it to carry (车辆经营类别); null for a vehicle registered before it was recorded.',
  })
  @Column({ name: 'category', type: 'varchar', length: 24, nullable: true })
  category: VehicleCategory | null;

  @Field(() => Int, { nullable: true, description: 'Approved load (核定载质量) in kilograms, for goods vehicles.' })
  @Column({ name: 'approved_load_kg', type: 'int', nullable: true })
  approvedLoadKg: number | null;

  @Field(() => [String], {
    description:
      'GB 6944 classes or divisions a hazardous-goods vehicle is certified for (核定危险货物类别); empty for other vehicles.',
  })
  @Column({ name: 'hazard_classes', type: 'varchar', length: 64, nullable: true, transformer: codeListColumn })
  hazardClasses: string[];

  @Field(() => VehicleCertificateStatus, {
    description: 'Whether the road transport certificate is in force (道路运输证状态).',
  })
  @Column({ name: 'certificate_status', type: 'varchar', length: 16, default: 'VALID' })
  certificateStatus: VehicleCertificateStatus;

  @Field({ description: 'When the vehicle entered the registry (UTC).' })
  @Column({ name: 'registered_at', type: 'datetime' })
  registeredAt: Date;
}
