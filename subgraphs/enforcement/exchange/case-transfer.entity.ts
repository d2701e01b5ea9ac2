import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { freeText } from '../../../platform/crypto/encrypted-column';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CaseStatus } from '../enforcement-case/case-status';

export enum CaseTransferStatus {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}

registerEnumType(CaseTransferStatus, {
  name: 'CaseTransferStatus',
  description: 'Where a proposed transfer of a case stands.',
  valuesConfig: {
    PROPOSED: { description: 'Proposed by the handling region; the receiving region is to accept or decline.' },
    ACCEPTED: { description: 'Accepted: the receiving region handles the case now (接收).' },
    DECLINED: { description: 'Declined with reasons (退回); the case stayed where it was.' },
  },
});

@ObjectType({
  description:
    'A transfer of a case to another region (案件移送): proposed by the handling region, accepted or declined by the receiving one. On acceptance the history and evidence go with the case, their digests verified.',
})
@Entity({ name: 'case_transfer' })
@Index('ix_case_transfer_case', ['caseId'])
export class CaseTransfer {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'case_id', type: 'int' })
  caseId: number;

  @Field({ description: 'GB/T 2260 code of the region that handled the case and proposed the transfer.' })
  @Column({ name: 'from_region_code', type: 'varchar', length: 6 })
  fromRegionCode: string;

  @Field({ description: 'GB/T 2260 code of the region asked to take the case over.' })
  @Index('ix_case_transfer_to_region')
  @Column({ name: 'to_region_code', type: 'varchar', length: 6 })
  toRegionCode: string;

  @Field(() => CaseTransferStatus, { description: 'Where the transfer stands.' })
  @Column({ type: 'varchar', length: 16 })
  status: CaseTransferStatus;

  @Field({ description: 'Why the case should move (移送理由), e.g. the vehicle is registered there.' })
  @Column({ type: 'text', transformer: freeText('enforcement', 'case_transfer.reason') })
  reason: string;

  // The case's status when proposed, restored when the transfer is accepted or declined.
  @Column({ name: 'status_before', type: 'varchar', length: 16 })
  statusBefore: CaseStatus;

  @Field({ description: 'Who proposed the transfer (username).' })
  @Column({ name: 'proposed_by', type: 'varchar', length: 100 })
  proposedBy: string;

  @Field({ description: 'When the transfer was proposed (UTC).' })
  @Column({ name: 'proposed_at', type: 'datetime' })
  proposedAt: Date;

  @Field(() => String, {
    nullable: true,
    description: 'Who accepted or declined it in the receiving region (username).',
  })
  @Column({ name: 'decided_by', type: 'varchar', length: 100, nullable: true })
  decidedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was accepted or declined (UTC).' })
  @Column({ name: 'decided_at', type: 'datetime', nullable: true })
  decidedAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'The receiving region’s comment on acceptance, or its reasons for declining.',
  })
  @Column({
    name: 'decision_comment',
    type: 'text',
    nullable: true,
    transformer: freeText('enforcement', 'case_transfer.decision_comment'),
  })
  decisionComment: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'How many items of evidence were handed over with their SM3 digests verified, on acceptance.',
  })
  @Column({ name: 'evidence_verified', type: 'int', nullable: true })
  evidenceVerified: number | null;

  @Field(() => ID, { name: 'id', description: 'Identifies the transfer.' })
  get transferId(): string {
    return String(this.id);
  }
}
