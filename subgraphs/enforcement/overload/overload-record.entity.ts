import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { excessKg } from './overload-limits';

@ObjectType({
  description:
    "A weigh station's detection record (超限检测记录, 非现场执法): what was measured, and the draft case an overload went to.",
})
@Entity({ name: 'overload_record' })
@Index('uq_overload_record_station_record', ['stationCode', 'stationRecordId'], { unique: true })
export class OverloadRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Field({
    description:
      "Code of the station that weighed the vehicle (检测站点编码): its county's GB/T 2260 code and a serial.",
  })
  @Column({ name: 'station_code', type: 'varchar', length: 10 })
  stationCode: string;

  @Field({ description: "The station's own id of the record." })
  @Column({ name: 'station_record_id', type: 'varchar', length: 64 })
  stationRecordId: string;

  @Field({ description: 'GB/T 2260 code of the region responsible for the record: the county the station stands in.' })
  @Index('ix_overload_record_region')
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Field({ description: 'When the vehicle was weighed (UTC).' })
  @Column({ name: 'detected_at', type: 'datetime' })
  detectedAt: Date;

  @Field({ description: 'Plate number (号牌号码) of the vehicle weighed.' })
  @Index('ix_overload_record_plate')
  @Column({ name: 'plate_number', type: 'varchar', length: 8 })
  plateNumber: string;

  @Field(() => Int, { description: 'Axles counted (轴数).' })
  @Column({ name: 'axle_count', type: 'int' })
  axleCount: number;

  @Field(() => Int, { description: 'Measured gross weight of vehicle and load (车货总质量), kilograms.' })
  @Column({ name: 'gross_weight_kg', type: 'int' })
  grossWeightKg: number;

  @Field(() => Int, { description: 'The legal gross-weight limit (限值) applied, kilograms (GB 1589-2016).' })
  @Column({ name: 'limit_kg', type: 'int' })
  limitKg: number;

  @Field({
    description:
      'Whether the weight exceeded the limit by more than the tolerance in force when the record arrived (超限).',
  })
  @Column({ type: 'boolean' })
  overloaded: boolean;

  /** Owner of the plate according to the vehicle registry (enforcement's projection), when known. */
  @Column({ name: 'owner_credit_code', type: 'varchar', length: 18, nullable: true })
  ownerCreditCode: string | null;

  /** The draft case an overloaded record opened or joined. */
  @Index('ix_overload_record_case')
  @Column({ name: 'case_id', type: 'int', nullable: true })
  caseId: number | null;

  @Field({ description: 'The machine client that submitted the record.' })
  @Column({ name: 'submitted_by', type: 'varchar', length: 100 })
  submittedBy: string;

  @Field({ description: 'When the record arrived (UTC).' })
  @Column({ name: 'submitted_at', type: 'datetime' })
  submittedAt: Date;

  @Field(() => Int, { description: 'Kilograms above the limit (超限质量); 0 when within it.' })
  get excessKg(): number {
    return excessKg(this.grossWeightKg, this.limitKg);
  }
}
