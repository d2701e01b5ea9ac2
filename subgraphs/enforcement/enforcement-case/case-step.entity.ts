import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CaseStatus } from './case-status';

@ObjectType({ description: 'One step of a case through the procedure (办案环节): who moved it from which status to which, and when.' })
@Entity({ name: 'case_step' })
export class CaseStep {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('ix_case_step_case')
  @Column({ name: 'case_id', type: 'int' })
  caseId: number;

  @Field(() => CaseStatus, { nullable: true, description: 'Status before the step; null for the filing.' })
  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true })
  fromStatus: CaseStatus | null;

  @Field(() => CaseStatus, { description: 'Status after the step.' })
  @Column({ name: 'to_status', type: 'varchar', length: 16 })
  toStatus: CaseStatus;

  @Field({ description: 'Who took the step (username).' })
  @Column({ type: 'varchar', length: 100 })
  actor: string;

  @Field({ description: 'When the step was taken (UTC).' })
  @Column({ name: 'occurred_at', type: 'datetime' })
  occurredAt: Date;

  @Field(() => String, { nullable: true, description: "The officer's comment, the decision summary or the dismissal reason." })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  comment: string | null;
}
