import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { encryptedColumn, freeText } from '../../../platform/crypto/encrypted-column';
import { codeListColumn } from '../../../platform/database/code-list-column';
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { PackingGroup } from './dangerous-goods';

export enum WaybillStatus {
  CREATED = 'CREATED',
  IN_TRANSIT = 'IN_TRANSIT',
  ARRIVED = 'ARRIVED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(WaybillStatus, {
  name: 'WaybillStatus',
  description: 'Where a hazardous-goods shipment stands.',
  valuesConfig: {
    CREATED: { description: 'Filled in before loading; the vehicle has not left (已填报).' },
    IN_TRANSIT: { description: 'The vehicle has left the origin with the goods (运输中).' },
    ARRIVED: { description: 'The goods have reached the consignee (已到达); final.' },
    CANCELLED: { description: 'Withdrawn before departure, with a reason (已作废); final.' },
  },
});

/** Which statuses each status may move to; anything else is refused with CONFLICT. */
export const WAYBILL_TRANSITIONS: Readonly<Record<WaybillStatus, readonly WaybillStatus[]>> = {
  CREATED: [WaybillStatus.IN_TRANSIT, WaybillStatus.CANCELLED],
  IN_TRANSIT: [WaybillStatus.ARRIVED],
  ARRIVED: [],
  CANCELLED: [],
};

@ObjectType({ description: 'A hazardous-goods road transport electronic waybill (危险货物道路运输电子运单).' })
@Entity({ name: 'waybill' })
@Index('ix_waybill_carrier', ['carrierCreditCode'])
@Index('ix_waybill_plate', ['plateNumber'])
@Index('ix_waybill_origin_status', ['originRegionCode', 'status'])
// The destination province supervises arrivals: its officers see waybills by destination.
@Index('ix_waybill_destination', ['destinationRegionCode'])
@Index('ix_waybill_status', ['status'])
export class Waybill {
  @PrimaryGeneratedColumn()
  id: number;

  @Field({
    description:
      'Waybill number (运单编号): YD, origin region code, China date YYYYMMDD, six-digit serial of that region and day.',
  })
  @Index('uq_waybill_number', { unique: true })
  @Column({ name: 'waybill_number', type: 'varchar', length: 32 })
  waybillNumber: string;

  @Field({ description: 'Unified social credit code of the carrier (承运人).' })
  @Column({ name: 'carrier_credit_code', type: 'varchar', length: 18 })
  carrierCreditCode: string;

  @Field({ description: 'Name of the shipper (托运人).' })
  @Column({ name: 'shipper_name', type: 'text', transformer: freeText('safety', 'waybill.shipper_name') })
  shipperName: string;

  @Field(() => String, { nullable: true, description: 'Name of the consignee (收货人), when known.' })
  @Column({
    name: 'consignee_name',
    type: 'text',
    nullable: true,
    transformer: freeText('safety', 'waybill.consignee_name'),
  })
  consigneeName: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Name of the loader (装货人), who loads and checks the goods at the origin; null on waybills from before it was recorded.',
  })
  @Column({ name: 'loader_name', type: 'text', nullable: true, transformer: freeText('safety', 'waybill.loader_name') })
  loaderName: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Name of the driver (驾驶人员); masked unless a pii-reader declared a purpose.',
  })
  @Column({
    name: 'driver_name',
    type: 'varchar',
    length: 680,
    nullable: true,
    transformer: encryptedColumn({ department: 'safety', column: 'waybill.driver_name' }),
  })
  driverName: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The driver's road transport qualification certificate number (从业资格证号, the holder's resident ID number); masked unless a pii-reader declared a purpose.",
  })
  @Column({
    name: 'driver_qualification_number',
    type: 'varchar',
    length: 680,
    nullable: true,
    transformer: encryptedColumn({ department: 'safety', column: 'waybill.driver_qualification_number' }),
  })
  driverQualificationNumber: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Name of the escort (押运人员); masked unless a pii-reader declared a purpose.',
  })
  @Column({
    name: 'escort_name',
    type: 'varchar',
    length: 680,
    nullable: true,
    transformer: encryptedColumn({ department: 'safety', column: 'waybill.escort_name' }),
  })
  escortName: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The escort's qualification certificate number (押运人员从业资格证号); masked unless a pii-reader declared a purpose.",
  })
  @Column({
    name: 'escort_qualification_number',
    type: 'varchar',
    length: 680,
    nullable: true,
    transformer: encryptedColumn({ department: 'safety', column: 'waybill.escort_qualification_number' }),
  })
  escortQualificationNumber: string | null;

  @Field({ description: 'Plate number (号牌号码) of the vehicle carrying the goods, GA 36 form.' })
  @Column({ name: 'plate_number', type: 'varchar', length: 8 })
  plateNumber: string;

  @Field({ description: 'Proper shipping name of the goods (货物名称), e.g. 汽油.' })
  @Column({ name: 'goods_name', type: 'text', transformer: freeText('safety', 'waybill.goods_name') })
  goodsName: string;

  @Field({ description: 'UN number (联合国编号), UN and four digits, e.g. UN1203.' })
  @Column({ name: 'un_number', type: 'varchar', length: 6 })
  unNumber: string;

  @Field({ description: 'GB 6944 class, or class and division (类别/项别), e.g. 3, 2.3, 8.' })
  @Column({ name: 'hazard_class', type: 'varchar', length: 3 })
  hazardClass: string;

  @Field(() => PackingGroup, {
    nullable: true,
    description: 'Packing group (包装类别); none for classes 1, 2 and 7 and divisions 5.2 and 6.2.',
  })
  @Column({ name: 'packing_group', type: 'varchar', length: 3, nullable: true })
  packingGroup: PackingGroup | null;

  @Field(() => Int, { description: 'Net quantity of the goods in kilograms (1-49,000).' })
  @Column({ name: 'quantity_kg', type: 'int' })
  quantityKg: number;

  @Field({ description: 'GB/T 2260 code of the region the goods leave from (起运地).' })
  @Column({ name: 'origin_region_code', type: 'varchar', length: 6 })
  originRegionCode: string;

  @Field({ description: 'GB/T 2260 code of the region the goods go to (目的地).' })
  @Column({ name: 'destination_region_code', type: 'varchar', length: 6 })
  destinationRegionCode: string;

  @Field(() => [String], {
    description:
      'Provinces on the route in order (GB/T 2260 xx0000): the origin’s, those passed through, the destination’s. Authorities of each province see the waybill.',
  })
  @Column({ name: 'route_province_codes', type: 'varchar', length: 200, nullable: true, transformer: codeListColumn })
  routeProvinceCodes: string[];

  @Field(() => WaybillStatus, { description: 'Current status.' })
  @Column({ type: 'varchar', length: 16 })
  status: WaybillStatus;

  @Field({ description: 'Who created the waybill (username).' })
  @Column({ name: 'created_by', type: 'varchar', length: 100 })
  createdBy: string;

  @Field({ description: 'When the waybill was created (UTC).' })
  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the vehicle left with the goods (UTC).' })
  @Column({ name: 'departed_at', type: 'datetime', nullable: true })
  departedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the goods arrived (UTC).' })
  @Column({ name: 'arrived_at', type: 'datetime', nullable: true })
  arrivedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the waybill was cancelled (UTC).' })
  @Column({ name: 'cancelled_at', type: 'datetime', nullable: true })
  cancelledAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the waybill was cancelled.' })
  @Column({
    name: 'cancellation_reason',
    type: 'text',
    nullable: true,
    transformer: freeText('safety', 'waybill.cancellation_reason'),
  })
  cancellationReason: string | null;

  @Field(() => Int, { description: 'Version for optimistic concurrency: pass it back as `expectedVersion`.' })
  @VersionColumn()
  version: number;
}
