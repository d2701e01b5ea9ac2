import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreditList, ListRemovalReason } from './credit-list';
import { ListCriterion } from './list-criteria';

@ObjectType({
  description:
    'A market subject’s entry on a credit list (信用名单): the criterion met, the decisions behind it, its term and, once it left the list, when and why. Never deleted.',
})
@Entity({ name: 'credit_list_entry' })
@Index('ix_credit_list_entry_subject', ['creditCode'])
@Index('ix_credit_list_entry_current', ['list', 'removedAt'])
@Index('ix_credit_list_entry_due', ['removedAt', 'plannedRemovalAt'])
@Index('uq_credit_list_entry_source', ['sourceKey'], { unique: true })
export class CreditListEntry {
  @Field(() => Int, { description: 'The entry’s number; it identifies the entry in its history and its events.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => CreditList, { description: 'The list the subject is on.' })
  @Column({ type: 'varchar', length: 32 })
  list: CreditList;

  @Field({ description: 'Unified social credit code (统一社会信用代码) of the listed subject.' })
  @Column({ name: 'credit_code', type: 'varchar', length: 18 })
  creditCode: string;

  @Field(() => ListCriterion, { description: 'The criterion met (列入依据).' })
  @Column({ type: 'varchar', length: 40 })
  criterion: ListCriterion;

  @Field({ description: 'GB/T 2260 code of the authority whose decision caused the listing (认定机关).' })
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Field({ description: 'When the listing started (列入日期, UTC): the causing decision, or the officer’s listing.' })
  @Column({ name: 'started_at', type: 'datetime' })
  startedAt: Date;

  @Field({ description: 'When the listing term ends and the entry leaves the list by itself (UTC).' })
  @Column({ name: 'planned_removal_at', type: 'datetime' })
  plannedRemovalAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it left the list (移出日期, UTC); null while listed.' })
  @Column({ name: 'removed_at', type: 'datetime', nullable: true })
  removedAt: Date | null;

  @Field(() => ListRemovalReason, { nullable: true, description: 'Why it left the list; null while listed.' })
  @Column({ name: 'removal_reason', type: 'varchar', length: 24, nullable: true })
  removalReason: ListRemovalReason | null;

  @Field({ description: 'Who listed it: a credit officer’s username, or `system` for an automatic listing.' })
  @Column({ name: 'listed_by', type: 'varchar', length: 100 })
  listedBy: string;

  @Field(() => Int, { description: 'Version: 1 when listed, one more with every change.' })
  @Column({ type: 'int' })
  version: number;

  /**
   * What an automatic listing rests on (`PERMIT_REVOKED:<permit number>`): unique, so one revocation
   * lists once even when its case decision and the permit's status change arrive at the same moment.
   * Null for an officer's listing.
   */
  @Column({ name: 'source_key', type: 'varchar', length: 100, nullable: true })
  sourceKey: string | null;
}
