import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { freeText } from '../../../platform/crypto/encrypted-column';
import { ListEntryAction } from './credit-list';

@ObjectType({ description: 'One change of a list entry (名单变更记录): who did what, when and why.' })
@Entity({ name: 'credit_list_change' })
@Index('uq_credit_list_change_version', ['entryId', 'version'], { unique: true })
export class CreditListChange {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'entry_id', type: 'int' })
  entryId: number;

  @Field(() => Int, { description: 'The entry’s version this change made.' })
  @Column({ type: 'int' })
  version: number;

  @Field(() => ListEntryAction, { description: 'What the change did.' })
  @Column({ type: 'varchar', length: 16 })
  action: ListEntryAction;

  @Field({
    description: 'Who made it: a credit officer, `system` (an event or the expiry job) or the repair’s approver.',
  })
  @Column({ type: 'varchar', length: 100 })
  actor: string;

  @Field({ description: 'Why: the officer’s reasons, or what the system saw.' })
  @Column({ type: 'text', transformer: freeText('credit', 'credit_list_change.reason') })
  reason: string;

  @Field({ description: 'When (UTC).' })
  @Column({ name: 'occurred_at', type: 'datetime' })
  occurredAt: Date;
}
