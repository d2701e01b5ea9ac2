import { Field, ObjectType } from 'type-graphql';
import { freeText } from '../../../platform/crypto/encrypted-column';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CaseStatus } from './case-status';
import { CaseStepAction } from './case-step-action';

@ObjectType({
  description:
    'One step of a case (办案环节), its timeline: what was done, by whom, in which region and when, and the status it left the case in. Exchanges with other regions (transfers, assistance) are steps too.',
})
@Entity({ name: 'case_step' })
export class CaseStep {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('ix_case_step_case')
  @Column({ name: 'case_id', type: 'int' })
  caseId: number;

  @Field(() => CaseStepAction, { description: 'What the step did.' })
  @Column({ type: 'varchar', length: 24 })
  action: CaseStepAction;

  @Field(() => CaseStatus, { nullable: true, description: 'Status before the step; null for the filing.' })
  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true })
  fromStatus: CaseStatus | null;

  @Field(() => CaseStatus, {
    description:
      'Status after the step (the same as before for steps that do not move the case, such as evidence or a share).',
  })
  @Column({ name: 'to_status', type: 'varchar', length: 16 })
  toStatus: CaseStatus;

  @Field({ description: 'Who took the step (username).' })
  @Column({ type: 'varchar', length: 100 })
  actor: string;

  @Field({
    description:
      'GB/T 2260 code of the region whose authority took the step: the handling region, or the region answering an assistance request or accepting a transfer. A region that handed a case over keeps seeing the steps taken in it.',
  })
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Field({ description: 'When the step was taken (UTC).' })
  @Column({ name: 'occurred_at', type: 'datetime' })
  occurredAt: Date;

  @Field(() => String, {
    nullable: true,
    description: "The officer's comment, the decision summary, the reasons or what was exchanged.",
  })
  @Column({ type: 'text', nullable: true, transformer: freeText('enforcement', 'case_step.comment') })
  comment: string | null;
}
