import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { freeText } from '../../../platform/crypto/encrypted-column';
import { HazardLevel, HazardStatus } from './hazard-rules';

@ObjectType({
  description:
    'A hidden hazard (事故隐患) found by an inspection, followed until a second officer verifies its rectification (隐患治理).',
})
@Entity({ name: 'hidden_hazard' })
@Index('ix_hidden_hazard_inspection', ['inspectionId'])
@Index('ix_hidden_hazard_enterprise', ['creditCode', 'status'])
@Index('ix_hidden_hazard_region', ['regionCode', 'status', 'deadline'])
export class HiddenHazard {
  @Field(() => ID, { description: 'Identifier of the hazard.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'inspection_id', type: 'int' })
  inspectionId: number;

  @Field({ description: 'Unified social credit code of the enterprise where it was found.' })
  @Column({ name: 'credit_code', type: 'varchar', length: 18 })
  creditCode: string;

  @Field({ description: "GB/T 2260 code of the enterprise's region." })
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Field(() => HazardLevel, { description: 'General (一般) or major (重大).' })
  @Column({ type: 'varchar', length: 16 })
  level: HazardLevel;

  @Field({ description: 'What the hazard is and where (隐患描述).' })
  @Column({ type: 'text', transformer: freeText('safety', 'hidden_hazard.description') })
  description: string;

  @Field(() => HazardStatus, { description: 'Where its rectification stands.' })
  @Column({ type: 'varchar', length: 16 })
  status: HazardStatus;

  @Field({ description: 'The day it was found, China date YYYY-MM-DD.' })
  @Column({ name: 'found_on', type: 'varchar', length: 10 })
  foundOn: string;

  @Field({
    description:
      'Rectification deadline (整改期限), China date YYYY-MM-DD: working days by level, counted from the day after it was found.',
  })
  @Column({ type: 'varchar', length: 10 })
  deadline: string;

  @Field({ description: 'Who recorded the inspection that found it (username).' })
  @Column({ name: 'found_by', type: 'varchar', length: 100 })
  foundBy: string;

  @Field(() => String, { nullable: true, description: 'Who reported the latest rectification (username).' })
  @Column({ name: 'rectification_reported_by', type: 'varchar', length: 100, nullable: true })
  rectificationReportedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When the latest rectification was reported (UTC).' })
  @Column({ name: 'rectification_reported_at', type: 'datetime', nullable: true })
  rectificationReportedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'What was done to put it right (整改情况), as reported.' })
  @Column({
    name: 'rectification_note',
    type: 'text',
    nullable: true,
    transformer: freeText('safety', 'hidden_hazard.rectification_note'),
  })
  rectificationNote: string | null;

  @Field(() => String, { nullable: true, description: 'Who verified the latest rectification (复查人, username).' })
  @Column({ name: 'verified_by', type: 'varchar', length: 100, nullable: true })
  verifiedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When the latest verification was made (UTC).' })
  @Column({ name: 'verified_at', type: 'datetime', nullable: true })
  verifiedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'The verifying officer’s opinion (复查意见).' })
  @Column({
    name: 'verification_note',
    type: 'text',
    nullable: true,
    transformer: freeText('safety', 'hidden_hazard.verification_note'),
  })
  verificationNote: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was closed (销号, UTC).' })
  @Column({ name: 'closed_at', type: 'datetime', nullable: true })
  closedAt: Date | null;

  // When statistics was told its deadline passed unrectified (`hazard.overdue`); its close then says so.
  @Column({ name: 'overdue_published_at', type: 'datetime', nullable: true })
  overduePublishedAt: Date | null;

  // How many versions of a major hazard's report went to the national platform so far.
  @Column({ name: 'reported_versions', type: 'int' })
  reportedVersions: number;

  @Field({ description: 'When it was recorded (UTC).' })
  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Field(() => Int, { description: 'Version for optimistic concurrency: pass it back as `expectedVersion`.' })
  @VersionColumn()
  version: number;
}
