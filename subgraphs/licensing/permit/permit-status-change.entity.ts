import { Field, ObjectType } from 'type-graphql';
import { freeText } from '../../../platform/crypto/encrypted-column';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { PermitStatus } from './permit.entity';

@ObjectType({
  description:
    "A change of a permit's status: suspension (暂扣), restoration or revocation (吊销), by a reviewer or by an enforcement decision.",
})
@Entity({ name: 'permit_status_change' })
export class PermitStatusChange {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('ix_permit_status_change_permit')
  @Column({ name: 'permit_id', type: 'int' })
  permitId: number;

  @Field(() => PermitStatus, { description: 'Status before the change.' })
  @Column({ name: 'from_status', type: 'varchar', length: 16 })
  fromStatus: PermitStatus;

  @Field(() => PermitStatus, { description: 'Status after the change.' })
  @Column({ name: 'to_status', type: 'varchar', length: 16 })
  toStatus: PermitStatus;

  @Field({ description: 'Who changed it (username, or system:enforcement-decision for an enforcement decision).' })
  @Column({ type: 'varchar', length: 100 })
  actor: string;

  @Field({ description: 'When it changed (UTC).' })
  @Column({ name: 'occurred_at', type: 'datetime' })
  occurredAt: Date;

  @Field({ description: "Why: the reviewer's reasons or the decision's summary." })
  @Column({ type: 'text', transformer: freeText('licensing', 'permit_status_change.reason') })
  reason: string;

  @Field(() => String, {
    nullable: true,
    description: 'The enforcement case (案件编号) whose decision ordered the change, if one did.',
  })
  @Column({ name: 'case_number', type: 'varchar', length: 32, nullable: true })
  caseNumber: string | null;
}
