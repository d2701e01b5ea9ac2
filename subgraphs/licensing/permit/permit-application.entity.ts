import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { PermitKind } from './permit-kind';

export enum ApplicationStatus {
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

registerEnumType(ApplicationStatus, {
  name: 'ApplicationStatus',
  description: 'Where a permit application stands in the procedure.',
  valuesConfig: {
    SUBMITTED: { description: 'Submitted online, awaiting acceptance (受理).' },
    ACCEPTED: { description: 'Accepted; under review.' },
    APPROVED: { description: 'Approved; the permit has been issued.' },
    REJECTED: { description: 'Refused, with reasons.' },
  },
});

/** Which statuses each status may move to; anything else is refused with CONFLICT. */
export const APPLICATION_TRANSITIONS: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  SUBMITTED: [ApplicationStatus.ACCEPTED, ApplicationStatus.REJECTED],
  ACCEPTED: [ApplicationStatus.APPROVED, ApplicationStatus.REJECTED],
  APPROVED: [],
  REJECTED: [],
};

@ObjectType({ description: 'An online permit application (行政许可申请).' })
@Entity({ name: 'permit_application' })
@Index('ix_application_applicant', ['creditCode'])
@Index('ix_application_region_status', ['regionCode', 'status'])
export class PermitApplication {
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'Application number (申请编号), quoted in every notice.' })
  @Index('uq_application_number', { unique: true })
  @Column({ name: 'application_number', type: 'varchar', length: 32 })
  applicationNumber: string;

  @Field({ description: 'Credit code of the applying enterprise.' })
  @Column({ name: 'credit_code', type: 'varchar', length: 18 })
  creditCode: string;

  @Field(() => PermitKind, { description: 'The permit applied for.' })
  @Column({ type: 'varchar', length: 40 })
  kind: PermitKind;

  @Field({ description: 'Business scope applied for.' })
  @Column({ type: 'varchar', length: 500 })
  scope: string;

  @Field({ description: 'GB/T 2260 code of the authority handling the application.' })
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Field(() => ApplicationStatus, { description: 'Current status.' })
  @Column({ type: 'varchar', length: 16 })
  status: ApplicationStatus;

  @Field({ description: 'Who submitted it (username).' })
  @Column({ name: 'submitted_by', type: 'varchar', length: 100 })
  submittedBy: string;

  @Field({ description: 'When it was submitted (UTC).' })
  @Column({ name: 'submitted_at', type: 'datetime' })
  submittedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was accepted (UTC).' })
  @Column({ name: 'accepted_at', type: 'datetime', nullable: true })
  acceptedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Who decided it (username).' })
  @Column({ name: 'decided_by', type: 'varchar', length: 100, nullable: true })
  decidedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was decided (UTC).' })
  @Column({ name: 'decided_at', type: 'datetime', nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Conditions of approval or reasons for refusal.' })
  @Column({ name: 'decision_comment', type: 'varchar', length: 1000, nullable: true })
  decisionComment: string | null;

  @Field(() => String, { nullable: true, description: 'Number of the permit issued on approval.' })
  @Column({ name: 'permit_number', type: 'varchar', length: 32, nullable: true })
  permitNumber: string | null;

  @Field(() => String, { nullable: true, description: 'Investment project code (投资项目统一代码, GB/T 40058-2021) of a highway construction application, confirmed on the national investment project approval platform.' })
  @Column({ name: 'investment_project_code', type: 'varchar', length: 24, nullable: true })
  investmentProjectCode: string | null;

  @Field(() => Int, { description: 'Version for optimistic concurrency: pass it back as `expectedVersion`.' })
  @VersionColumn()
  version: number;
}
