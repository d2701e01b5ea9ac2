import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn, type ValueTransformer } from 'typeorm';
import { encryptedColumn, freeText } from '../../../platform/crypto/encrypted-column';
import { CaseStatus } from './case-status';
import { PenaltyKind } from './penalty-kind';

// MySQL may hand a BIGINT back as a string; fines are read as numbers everywhere.
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/** The party's resident ID number: encrypted, and looked up by its blind index (`indexOf`). */
export const PARTY_ID_NUMBER_CIPHER = encryptedColumn({
  department: 'enforcement',
  column: 'enforcement_case.party_id_number',
  blindIndex: 'partyIdNumberIndex',
  normalize: (value) => value.toUpperCase(),
});

@ObjectType({
  description:
    'An administrative law-enforcement case (行政执法案件) against an enterprise, a vehicle and/or a person.',
})
@Entity({ name: 'enforcement_case' })
@Index('ix_case_region_status', ['regionCode', 'status'])
@Index('ix_case_status_due', ['status', 'decisionDueDate'])
export class EnforcementCase {
  @PrimaryGeneratedColumn()
  id: number;

  @Field({
    description:
      'Case number (案件编号): code of the region that filed it, year of filing and a six-digit serial, e.g. 3201022026000001. It stays with the case when the case is transferred.',
  })
  @Index('uq_case_number', { unique: true })
  @Column({ name: 'case_number', type: 'varchar', length: 16 })
  caseNumber: string;

  @Field({
    description:
      'GB/T 2260 code of the region whose authority handles the case; it changes when a transfer is accepted.',
  })
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Field(() => CaseStatus, { description: 'Current status.' })
  @Column({ type: 'varchar', length: 16 })
  status: CaseStatus;

  @Field({ description: 'The suspected violation the case was filed for (案由).' })
  @Column({ type: 'text', transformer: freeText('enforcement', 'enforcement_case.cause') })
  cause: string;

  @Field(() => String, {
    nullable: true,
    description: 'Credit code of the enterprise the case is against, when it is against one.',
  })
  @Index('ix_case_credit_code')
  @Column({ name: 'credit_code', type: 'varchar', length: 18, nullable: true })
  creditCode: string | null;

  @Field(() => String, { nullable: true, description: 'Plate number of the vehicle involved, when one is.' })
  @Index('ix_case_plate_number')
  @Column({ name: 'plate_number', type: 'varchar', length: 8, nullable: true })
  plateNumber: string | null;

  // The party's name and resident ID number are stored encrypted (SM4, platform/crypto) and have no @Field:
  // GraphQL shows them through EnforcementCaseResolver.partyName/partyIdNumber, masked unless the
  // personal-information policy allows.
  @Column({
    name: 'party_name',
    type: 'varchar',
    length: 400,
    nullable: true,
    transformer: encryptedColumn({ department: 'enforcement', column: 'enforcement_case.party_name' }),
  })
  partyName: string | null;

  @Column({
    name: 'party_id_number',
    type: 'varchar',
    length: 160,
    nullable: true,
    transformer: PARTY_ID_NUMBER_CIPHER,
  })
  partyIdNumber: string | null;

  /** HMAC-SM3 of the resident ID number under the department's index key: exact lookups without decrypting. */
  @Index('ix_case_party_id_number_index')
  @Column({ name: 'party_id_number_index', type: 'varchar', length: 64, nullable: true, select: false })
  partyIdNumberIndex?: string | null;

  @Field(() => PenaltyKind, {
    nullable: true,
    description: 'The penalty decided (处罚种类); null until the case is decided.',
  })
  @Column({ type: 'varchar', length: 24, nullable: true })
  penalty: PenaltyKind | null;

  @Field(() => Int, { nullable: true, description: 'The fine in fen (分) when the penalty is FINE; null otherwise.' })
  @Column({ name: 'fine_fen', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  fineFen: number | null;

  @Field(() => String, { nullable: true, description: 'Number of the permit a suspension or revocation acts on.' })
  @Column({ name: 'permit_number', type: 'varchar', length: 32, nullable: true })
  permitNumber: string | null;

  @Field(() => String, { nullable: true, description: 'Summary of the decision (处罚决定摘要), as published.' })
  @Column({
    name: 'decision_summary',
    type: 'text',
    nullable: true,
    transformer: freeText('enforcement', 'enforcement_case.decision_summary'),
  })
  decisionSummary: string | null;

  @Field(() => String, { nullable: true, description: 'Why the case was dismissed (撤销立案理由), when it was.' })
  @Column({
    name: 'dismissal_reason',
    type: 'text',
    nullable: true,
    transformer: freeText('enforcement', 'enforcement_case.dismissal_reason'),
  })
  dismissalReason: string | null;

  @Field({ description: 'Who submitted the filing (username).' })
  @Column({ name: 'filed_by', type: 'varchar', length: 100 })
  filedBy: string;

  @Field({ description: 'When the filing was submitted (UTC).' })
  @Column({ name: 'filed_at', type: 'datetime' })
  filedAt: Date;

  @Field(() => String, {
    nullable: true,
    description: 'The supervisor who approved or refused the filing (立案审批人).',
  })
  @Column({ name: 'filing_approved_by', type: 'varchar', length: 100, nullable: true })
  filingApprovedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When the filing was approved (立案日期) or refused (UTC).' })
  @Column({ name: 'filing_approved_at', type: 'datetime', nullable: true })
  filingApprovedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the filing was refused (不予立案理由), when it was.' })
  @Column({
    name: 'filing_rejection_reason',
    type: 'text',
    nullable: true,
    transformer: freeText('enforcement', 'enforcement_case.filing_rejection_reason'),
  })
  filingRejectionReason: string | null;

  // The proposal, legal review, notice, hearing and execution are columns of the case (one row, no
  // extra statements per case); GraphQL shows them grouped (PenaltyProposal, PenaltyNotice, ...).
  @Column({ name: 'proposed_penalty', type: 'varchar', length: 24, nullable: true })
  proposedPenalty: PenaltyKind | null;

  @Column({ name: 'proposed_fine_fen', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  proposedFineFen: number | null;

  @Column({ name: 'proposed_permit_number', type: 'varchar', length: 32, nullable: true })
  proposedPermitNumber: string | null;

  @Column({
    name: 'proposal_summary',
    type: 'text',
    nullable: true,
    transformer: freeText('enforcement', 'enforcement_case.proposal_summary'),
  })
  proposalSummary: string | null;

  @Column({ name: 'proposed_by', type: 'varchar', length: 100, nullable: true })
  proposedBy: string | null;

  @Column({ name: 'proposed_at', type: 'datetime', nullable: true })
  proposedAt: Date | null;

  @Column({ name: 'legal_review_required', type: 'boolean', nullable: true })
  legalReviewRequired: boolean | null;

  @Column({ name: 'legal_review_approved', type: 'boolean', nullable: true })
  legalReviewApproved: boolean | null;

  @Column({ name: 'legal_reviewed_by', type: 'varchar', length: 100, nullable: true })
  legalReviewedBy: string | null;

  @Column({ name: 'legal_reviewed_at', type: 'datetime', nullable: true })
  legalReviewedAt: Date | null;

  @Column({
    name: 'legal_review_opinion',
    type: 'text',
    nullable: true,
    transformer: freeText('enforcement', 'enforcement_case.legal_review_opinion'),
  })
  legalReviewOpinion: string | null;

  @Column({ name: 'notified_by', type: 'varchar', length: 100, nullable: true })
  notifiedBy: string | null;

  @Column({ name: 'notified_at', type: 'datetime', nullable: true })
  notifiedAt: Date | null;

  @Column({ name: 'response_due_date', type: 'date', nullable: true })
  responseDueDate: string | null;

  @Column({ name: 'hearing_available', type: 'boolean', nullable: true })
  hearingAvailable: boolean | null;

  @Column({
    name: 'party_statement',
    type: 'text',
    nullable: true,
    transformer: freeText('enforcement', 'enforcement_case.party_statement'),
  })
  partyStatement: string | null;

  @Column({ name: 'statement_recorded_by', type: 'varchar', length: 100, nullable: true })
  statementRecordedBy: string | null;

  @Column({ name: 'statement_recorded_at', type: 'datetime', nullable: true })
  statementRecordedAt: Date | null;

  @Column({ name: 'hearing_waived', type: 'boolean', nullable: true })
  hearingWaived: boolean | null;

  @Column({ name: 'hearing_requested_by', type: 'varchar', length: 100, nullable: true })
  hearingRequestedBy: string | null;

  @Column({ name: 'hearing_requested_at', type: 'datetime', nullable: true })
  hearingRequestedAt: Date | null;

  @Column({ name: 'hearing_held_at', type: 'datetime', nullable: true })
  hearingHeldAt: Date | null;

  @Column({
    name: 'hearing_record',
    type: 'text',
    nullable: true,
    transformer: freeText('enforcement', 'enforcement_case.hearing_record'),
  })
  hearingRecord: string | null;

  @Column({ name: 'hearing_recorded_by', type: 'varchar', length: 100, nullable: true })
  hearingRecordedBy: string | null;

  @Column({ name: 'executed_by', type: 'varchar', length: 100, nullable: true })
  executedBy: string | null;

  @Column({ name: 'executed_at', type: 'datetime', nullable: true })
  executedAt: Date | null;

  @Column({ name: 'paid_fen', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  paidFen: number | null;

  @Column({
    name: 'payment_reference',
    type: 'text',
    nullable: true,
    transformer: freeText('enforcement', 'enforcement_case.payment_reference'),
  })
  paymentReference: string | null;

  @Column({
    name: 'execution_note',
    type: 'text',
    nullable: true,
    transformer: freeText('enforcement', 'enforcement_case.execution_note'),
  })
  executionNote: string | null;

  @Field(() => String, { nullable: true, description: 'Who made the penalty decision (username).' })
  @Column({ name: 'decided_by', type: 'varchar', length: 100, nullable: true })
  decidedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When the penalty decision was made (UTC).' })
  @Column({ name: 'decided_at', type: 'datetime', nullable: true })
  decidedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the case was closed (结案), dismissed or not filed (UTC).' })
  @Column({ name: 'closed_at', type: 'datetime', nullable: true })
  closedAt: Date | null;

  @Field({
    description:
      'Last day for the decision (办案期限), YYYY-MM-DD in China Standard Time: the configured number of days (90 by default) after the filing was approved, plus any extension.',
  })
  @Column({ name: 'decision_due_date', type: 'date' })
  decisionDueDate: string;

  @Field(() => Int, {
    description:
      'Days the decision due date has been extended by, with a supervisor’s approval (延长办案期限), in total.',
  })
  @Column({ name: 'deadline_extension_days', type: 'int', default: 0 })
  deadlineExtensionDays: number;

  @Field(() => Int, { description: 'Version for optimistic concurrency: pass it back as `expectedVersion`.' })
  @VersionColumn()
  version: number;
}
