import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn, type ValueTransformer } from 'typeorm';
import { freeText } from '../../../platform/crypto/encrypted-column';
import { AccidentSeverity } from './accident-severity';

/** MySQL hands BIGINT back as a string; losses stay far below 2^53 fen. */
export const BIGINT_AS_NUMBER: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

@ObjectType({
  description:
    'An accident report (事故快报) of a road transport accident, with its follow-ups (续报); each version goes to the national platform.',
})
@Entity({ name: 'safety_accident' })
@Index('ix_safety_accident_region', ['regionCode', 'id'])
@Index('ix_safety_accident_plate', ['plateNumber'])
@Index('ix_safety_accident_enterprise', ['creditCode'])
export class Accident {
  @Field(() => ID, { description: 'Identifier of the accident report.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String, { nullable: true, description: 'Plate number (号牌号码) of the vehicle involved, GA 36 form.' })
  @Column({ name: 'plate_number', type: 'varchar', length: 8, nullable: true })
  plateNumber: string | null;

  @Field(() => String, { nullable: true, description: 'Unified social credit code of the enterprise involved.' })
  @Column({ name: 'credit_code', type: 'varchar', length: 18, nullable: true })
  creditCode: string | null;

  @Field({ description: 'When the accident happened (UTC).' })
  @Column({ name: 'occurred_at', type: 'datetime' })
  occurredAt: Date;

  @Field({ description: 'GB/T 2260 code of the region where it happened; its authorities report it.' })
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Field({ description: 'Where it happened (事故地点), e.g. road, kilometre post and direction.' })
  @Column({ type: 'text', transformer: freeText('safety', 'safety_accident.location') })
  location: string;

  @Field({ description: 'What happened, briefly (事故简要经过).' })
  @Column({ type: 'text', transformer: freeText('safety', 'safety_accident.summary') })
  summary: string;

  @Field(() => AccidentSeverity, { description: 'Grade of the accident (事故等级) as last reported.' })
  @Column({ type: 'varchar', length: 16 })
  severity: AccidentSeverity;

  @Field(() => Int, { description: 'Deaths (死亡人数) as last reported.' })
  @Column({ type: 'int' })
  deaths: number;

  @Field(() => Int, { description: 'Serious injuries (重伤人数) as last reported.' })
  @Column({ type: 'int' })
  injuries: number;

  @Field(() => Float, { description: 'Direct economic loss (直接经济损失) in whole fen (分), as last reported.' })
  @Column({ name: 'direct_loss_fen', type: 'bigint', transformer: BIGINT_AS_NUMBER })
  directLossFen: number;

  @Field(() => String, {
    nullable: true,
    description: 'Number of the electronic waybill of the goods carried, if any.',
  })
  @Column({ name: 'waybill_number', type: 'varchar', length: 32, nullable: true })
  waybillNumber: string | null;

  @Field({ description: 'Who made the first report (username).' })
  @Column({ name: 'reported_by', type: 'varchar', length: 100 })
  reportedBy: string;

  @Field({ description: 'When the first report was made (UTC).' })
  @Column({ name: 'reported_at', type: 'datetime' })
  reportedAt: Date;

  @Field(() => Int, {
    description:
      'Version: 1 for the first report (快报), one more per follow-up (续报); each is sent to the national platform. Pass it back as `expectedVersion`.',
  })
  @VersionColumn()
  version: number;
}

@ObjectType({ description: 'One version of an accident report: the first report or a follow-up, as it was made.' })
@Entity({ name: 'safety_accident_version' })
@Index('uq_safety_accident_version', ['accidentId', 'version'], { unique: true })
export class AccidentReportVersion {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'accident_id', type: 'int' })
  accidentId: number;

  @Field(() => Int, { description: '1 for the first report, then one more per follow-up.' })
  @Column({ type: 'int' })
  version: number;

  @Field(() => AccidentSeverity, { description: 'Grade at this version.' })
  @Column({ type: 'varchar', length: 16 })
  severity: AccidentSeverity;

  @Field(() => Int, { description: 'Deaths at this version.' })
  @Column({ type: 'int' })
  deaths: number;

  @Field(() => Int, { description: 'Serious injuries at this version.' })
  @Column({ type: 'int' })
  injuries: number;

  @Field(() => Float, { description: 'Direct economic loss in whole fen at this version.' })
  @Column({ name: 'direct_loss_fen', type: 'bigint', transformer: BIGINT_AS_NUMBER })
  directLossFen: number;

  @Field({ description: 'What this version adds (续报情况); the summary for the first report.' })
  @Column({ type: 'text', transformer: freeText('safety', 'safety_accident_version.note') })
  note: string;

  @Field({ description: 'Who reported this version (username).' })
  @Column({ name: 'reported_by', type: 'varchar', length: 100 })
  reportedBy: string;

  @Field({ description: 'When this version was reported (UTC).' })
  @Column({ name: 'reported_at', type: 'datetime' })
  reportedAt: Date;
}
