import { Field, ObjectType } from 'type-graphql';
import { freeText } from '../../../platform/crypto/encrypted-column';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ApplicationAction, ApplicationStatus } from './application-status';

@ObjectType({
  description:
    'One recorded step of an application through the procedure: who did what, when, from which status to which.',
})
@Entity({ name: 'permit_application_transition' })
export class ApplicationTransition {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('ix_application_transition_application')
  @Column({ name: 'application_id', type: 'int' })
  applicationId: number;

  @Field(() => ApplicationAction, { description: 'What was done.' })
  @Column({ type: 'varchar', length: 32 })
  action: ApplicationAction;

  @Field(() => ApplicationStatus, { nullable: true, description: 'Status before the step; null for the submission.' })
  @Column({ name: 'from_status', type: 'varchar', length: 32, nullable: true })
  fromStatus: ApplicationStatus | null;

  @Field(() => ApplicationStatus, {
    description: 'Status after the step (the same as before for steps that do not move it, such as an extension).',
  })
  @Column({ name: 'to_status', type: 'varchar', length: 32 })
  toStatus: ApplicationStatus;

  @Field({ description: 'Who took the step (username, or system:<work> for background work and events).' })
  @Column({ type: 'varchar', length: 100 })
  actor: string;

  @Field({ description: 'When the step was taken (UTC).' })
  @Column({ name: 'occurred_at', type: 'datetime' })
  occurredAt: Date;

  @Field(() => String, {
    nullable: true,
    description: 'The comment, conditions, reasons or notice that went with the step.',
  })
  @Column({ type: 'text', nullable: true, transformer: freeText('licensing', 'permit_application_transition.comment') })
  comment: string | null;
}
