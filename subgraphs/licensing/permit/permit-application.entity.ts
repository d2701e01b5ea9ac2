import { Field, Int, ObjectType } from 'type-graphql';
import { codeListColumn } from '../../../platform/database/code-list-column';
import { freeText } from '../../../platform/crypto/encrypted-column';
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { ApplicationStatus, ExtensionStatus, ExternalVerification, ReviewRecommendation } from './application-status';
import { PermitKind } from './permit-kind';

export { ApplicationStatus } from './application-status';

@ObjectType({ description: 'An online permit application (行政许可申请).' })
@Entity({ name: 'permit_application' })
@Index('ix_application_applicant', ['creditCode'])
@Index('ix_application_region_status', ['regionCode', 'status'])
@Index('ix_application_officer_status', ['handlingOfficer', 'status', 'regionCode'])
@Index('ix_application_status_due', ['status', 'decisionDueDate'])
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

  @Field(() => [String], {
    description:
      'GB 6944 classes or divisions of dangerous goods covered (危险货物类别), for HAZARDOUS_GOODS_TRANSPORT; empty otherwise.',
  })
  @Column({ name: 'hazard_classes', type: 'varchar', length: 64, nullable: true, transformer: codeListColumn })
  hazardClasses: string[];

  @Field({ description: 'GB/T 2260 code of the authority handling the application.' })
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Field(() => ApplicationStatus, { description: 'Current status.' })
  @Column({ type: 'varchar', length: 32 })
  status: ApplicationStatus;

  @Field(() => String, {
    nullable: true,
    description:
      'Investment project code (投资项目统一代码, GB/T 40058-2021) of a highway construction application, confirmed on the national investment project approval platform.',
  })
  @Column({ name: 'investment_project_code', type: 'varchar', length: 24, nullable: true })
  investmentProjectCode: string | null;

  @Field({ description: 'Who submitted it (username of the officer or agent acting for the enterprise).' })
  @Column({ name: 'submitted_by', type: 'varchar', length: 100 })
  submittedBy: string;

  @Field({ description: 'When it was submitted (UTC).' })
  @Column({ name: 'submitted_at', type: 'datetime' })
  submittedAt: Date;

  @Field(() => String, {
    nullable: true,
    description: 'The officer handling it at the window: who accepted or returned it (username).',
  })
  @Column({ name: 'handling_officer', type: 'varchar', length: 100, nullable: true })
  handlingOfficer: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was accepted (UTC).' })
  @Column({ name: 'accepted_at', type: 'datetime', nullable: true })
  acceptedAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Last day for the decision, YYYY-MM-DD China time: working days from acceptance on the working-day calendar, moved by an approved extension.',
  })
  @Column({ name: 'decision_due_date', type: 'date', nullable: true })
  decisionDueDate: string | null;

  /** When the passing of the deadline was published (permit-application.overdue); null until then. */
  @Column({ name: 'overdue_announced_at', type: 'datetime', nullable: true })
  overdueAnnouncedAt: Date | null;

  @Column({ name: 'returned_material_codes', type: 'varchar', length: 500, nullable: true })
  returnedMaterialCodes: string | null;

  @Column({
    name: 'return_note',
    type: 'text',
    nullable: true,
    transformer: freeText('licensing', 'permit_application.return_note'),
  })
  returnNote: string | null;

  @Column({ name: 'returned_by', type: 'varchar', length: 100, nullable: true })
  returnedBy: string | null;

  @Column({ name: 'returned_at', type: 'datetime', nullable: true })
  returnedAt: Date | null;

  @Column({
    name: 'review_opinion',
    type: 'text',
    nullable: true,
    transformer: freeText('licensing', 'permit_application.review_opinion'),
  })
  reviewOpinion: string | null;

  @Column({ name: 'review_recommendation', type: 'varchar', length: 8, nullable: true })
  reviewRecommendation: ReviewRecommendation | null;

  @Column({ name: 'reviewed_by', type: 'varchar', length: 100, nullable: true })
  reviewedBy: string | null;

  @Column({ name: 'reviewed_at', type: 'datetime', nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'extension_status', type: 'varchar', length: 16, nullable: true })
  extensionStatus: ExtensionStatus | null;

  @Column({
    name: 'extension_reason',
    type: 'text',
    nullable: true,
    transformer: freeText('licensing', 'permit_application.extension_reason'),
  })
  extensionReason: string | null;

  @Column({ name: 'extension_requested_by', type: 'varchar', length: 100, nullable: true })
  extensionRequestedBy: string | null;

  @Column({ name: 'extension_requested_at', type: 'datetime', nullable: true })
  extensionRequestedAt: Date | null;

  @Column({ name: 'extension_decided_by', type: 'varchar', length: 100, nullable: true })
  extensionDecidedBy: string | null;

  @Column({ name: 'extension_decided_at', type: 'datetime', nullable: true })
  extensionDecidedAt: Date | null;

  @Column({
    name: 'extension_comment',
    type: 'text',
    nullable: true,
    transformer: freeText('licensing', 'permit_application.extension_comment'),
  })
  extensionComment: string | null;

  @Field(() => ExternalVerification, {
    nullable: true,
    description:
      'What the application waits to have confirmed by a national platform, while AWAITING_EXTERNAL_VERIFICATION.',
  })
  @Column({ name: 'pending_verification', type: 'varchar', length: 24, nullable: true })
  pendingVerification: ExternalVerification | null;

  @Column({ name: 'status_before_verification', type: 'varchar', length: 32, nullable: true })
  statusBeforeVerification: ApplicationStatus | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When a national platform was last asked about this application (UTC).',
  })
  @Column({ name: 'verification_checked_at', type: 'datetime', nullable: true })
  verificationCheckedAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "The last platform check's outcome, e.g. that the platform could not be reached.",
  })
  @Column({
    name: 'verification_note',
    type: 'text',
    nullable: true,
    transformer: freeText('licensing', 'permit_application.verification_note'),
  })
  verificationNote: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The reviewer whose approval completes once the tender award is confirmed (username).',
  })
  @Column({ name: 'pending_approval_by', type: 'varchar', length: 100, nullable: true })
  pendingApprovalBy: string | null;

  @Column({ name: 'pending_approval_conditions', type: 'varchar', length: 1000, nullable: true })
  pendingApprovalConditions: string | null;

  @Field(() => String, { nullable: true, description: 'Who decided it (username).' })
  @Column({ name: 'decided_by', type: 'varchar', length: 100, nullable: true })
  decidedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was decided (UTC).' })
  @Column({ name: 'decided_at', type: 'datetime', nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Conditions of approval or reasons for refusal.' })
  @Column({
    name: 'decision_comment',
    type: 'text',
    nullable: true,
    transformer: freeText('licensing', 'permit_application.decision_comment'),
  })
  decisionComment: string | null;

  @Field(() => String, { nullable: true, description: 'Number of the permit issued on approval.' })
  @Column({ name: 'permit_number', type: 'varchar', length: 32, nullable: true })
  permitNumber: string | null;

  @Field(() => Int, { description: 'Version for optimistic concurrency: pass it back as `expectedVersion`.' })
  @VersionColumn()
  version: number;
}
