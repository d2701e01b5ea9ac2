import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { freeText } from '../../../platform/crypto/encrypted-column';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum AssistanceStatus {
  OPEN = 'OPEN',
  ANSWERED = 'ANSWERED',
}

registerEnumType(AssistanceStatus, {
  name: 'AssistanceStatus',
  description: 'Where an assistance request stands.',
  valuesConfig: {
    OPEN: { description: 'Asked; the assisting region investigates and adds evidence.' },
    ANSWERED: { description: 'Answered; the evidence was handed over with its digests verified.' },
  },
});

/**
 * 协查: one region asks another to investigate or collect evidence on its case. The region asked sees
 * this request only (what the requester chose to share), never the case itself.
 */
@ObjectType({
  description:
    'A request for assistance (协查) from the region handling a case to another region: the question and what the requester chose to share, not the case itself. The region asked adds evidence and answers.',
})
@Entity({ name: 'assistance_request' })
@Index('ix_assistance_case', ['caseId'])
export class AssistanceRequest {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'case_id', type: 'int' })
  caseId: number;

  @Field({
    description: 'Number of the case the request is about, for reference; the region asked cannot open the case by it.',
  })
  @Column({ name: 'case_number', type: 'varchar', length: 16 })
  caseNumber: string;

  @Field({ description: 'GB/T 2260 code of the region that asked (the handling region when it asked).' })
  @Index('ix_assistance_requesting_region')
  @Column({ name: 'requesting_region_code', type: 'varchar', length: 6 })
  requestingRegionCode: string;

  @Field({ description: 'GB/T 2260 code of the region asked to assist.' })
  @Index('ix_assistance_assisting_region')
  @Column({ name: 'assisting_region_code', type: 'varchar', length: 6 })
  assistingRegionCode: string;

  @Field(() => AssistanceStatus, { description: 'Where the request stands.' })
  @Column({ type: 'varchar', length: 16 })
  status: AssistanceStatus;

  // Free text that may name people: shown through AssistanceRequestResolver, masked unless a pii-reader declared a purpose.
  @Column({ type: 'text', transformer: freeText('enforcement', 'assistance_request.question') })
  question: string;

  @Column({
    name: 'shared_summary',
    type: 'text',
    transformer: freeText('enforcement', 'assistance_request.shared_summary'),
  })
  sharedSummary: string;

  @Field({ description: 'Last day for the answer, YYYY-MM-DD in China Standard Time.' })
  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  @Field({ description: 'Who asked (username).' })
  @Column({ name: 'requested_by', type: 'varchar', length: 100 })
  requestedBy: string;

  @Field({ description: 'When the request was made (UTC).' })
  @Column({ name: 'requested_at', type: 'datetime' })
  requestedAt: Date;

  @Column({ type: 'text', nullable: true, transformer: freeText('enforcement', 'assistance_request.answer') })
  answer: string | null;

  @Field(() => String, { nullable: true, description: 'Who answered (username).' })
  @Column({ name: 'answered_by', type: 'varchar', length: 100, nullable: true })
  answeredBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When the answer was given and the evidence handed over (UTC).' })
  @Column({ name: 'answered_at', type: 'datetime', nullable: true })
  answeredAt: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'How many items of evidence were handed over with the answer, their SM3 digests verified on arrival.',
  })
  @Column({ name: 'evidence_verified', type: 'int', nullable: true })
  evidenceVerified: number | null;

  @Field(() => ID, { name: 'id', description: 'Identifies the request, e.g. for `answerAssistance`.' })
  get requestId(): string {
    return String(this.id);
  }
}
