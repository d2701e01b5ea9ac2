import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn, type ValueTransformer } from 'typeorm';
import { CaseStatus } from './case-status';
import { PenaltyKind } from './penalty-kind';

// MySQL may hand a BIGINT back as a string; fines are read as numbers everywhere.
const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

@ObjectType({ description: 'An administrative law-enforcement case (行政执法案件) against an enterprise, a vehicle and/or a person.' })
@Entity({ name: 'enforcement_case' })
@Index('ix_case_region_status', ['regionCode', 'status'])
@Index('ix_case_status_due', ['status', 'decisionDueDate'])
export class EnforcementCase {
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'Case number (案件编号): handling region code, year of filing and a six-digit serial, e.g. 3201022026000001.' })
  @Index('uq_case_number', { unique: true })
  @Column({ name: 'case_number', type: 'varchar', length: 16 })
  caseNumber: string;

  @Field({ description: 'GB/T 2260 code of the region whose authority handles the case.' })
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Field(() => CaseStatus, { description: 'Current status.' })
  @Column({ type: 'varchar', length: 16 })
  status: CaseStatus;

  @Field({ description: 'The suspected violation the case was filed for (案由).' })
  @Column({ type: 'text' })
  cause: string;

  @Field(() => String, { nullable: true, description: 'Credit code of the enterprise the case is against, when it is against one.' })
  @Index('ix_case_credit_code')
  @Column({ name: 'credit_code', type: 'varchar', length: 18, nullable: true })
  creditCode: string | null;

  @Field(() => String, { nullable: true, description: 'Plate number of the vehicle involved, when one is.' })
  @Index('ix_case_plate_number')
  @Column({ name: 'plate_number', type: 'varchar', length: 8, nullable: true })
  plateNumber: string | null;

  // The party's name and resident ID number are stored in full but have no @Field: GraphQL shows them
  // through EnforcementCaseResolver.partyName/partyIdNumber, masked unless the personal-information policy allows.
  @Column({ name: 'party_name', type: 'varchar', length: 50, nullable: true })
  partyName: string | null;

  @Column({ name: 'party_id_number', type: 'varchar', length: 18, nullable: true })
  partyIdNumber: string | null;

  @Field(() => PenaltyKind, { nullable: true, description: 'The penalty decided (处罚种类); null until the case is decided.' })
  @Column({ type: 'varchar', length: 24, nullable: true })
  penalty: PenaltyKind | null;

  @Field(() => Int, { nullable: true, description: 'The fine in fen (分) when the penalty is FINE; null otherwise.' })
  @Column({ name: 'fine_fen', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  fineFen: number | null;

  @Field(() => String, { nullable: true, description: 'Number of the permit a suspension or revocation acts on.' })
  @Column({ name: 'permit_number', type: 'varchar', length: 32, nullable: true })
  permitNumber: string | null;

  @Field(() => String, { nullable: true, description: 'Summary of the decision (处罚决定摘要), as published.' })
  @Column({ name: 'decision_summary', type: 'varchar', length: 1000, nullable: true })
  decisionSummary: string | null;

  @Field(() => String, { nullable: true, description: 'Why the case was dismissed (撤销立案理由), when it was.' })
  @Column({ name: 'dismissal_reason', type: 'varchar', length: 1000, nullable: true })
  dismissalReason: string | null;

  @Field({ description: 'Who filed the case (username).' })
  @Column({ name: 'filed_by', type: 'varchar', length: 100 })
  filedBy: string;

  @Field({ description: 'When the case was filed (UTC).' })
  @Column({ name: 'filed_at', type: 'datetime' })
  filedAt: Date;

  @Field(() => String, { nullable: true, description: 'Who made the penalty decision (username).' })
  @Column({ name: 'decided_by', type: 'varchar', length: 100, nullable: true })
  decidedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When the penalty decision was made (UTC).' })
  @Column({ name: 'decided_at', type: 'datetime', nullable: true })
  decidedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the case was closed (结案) or dismissed (UTC).' })
  @Column({ name: 'closed_at', type: 'datetime', nullable: true })
  closedAt: Date | null;

  @Field({ description: 'Last day for the decision (办案期限), YYYY-MM-DD in China Standard Time: 90 days after filing.' })
  @Column({ name: 'decision_due_date', type: 'date' })
  decisionDueDate: string;

  @Field(() => Int, { description: 'Version for optimistic concurrency: pass it back as `expectedVersion`.' })
  @VersionColumn()
  version: number;
}
