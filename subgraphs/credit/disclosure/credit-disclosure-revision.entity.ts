import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { freeText } from '../../../platform/crypto/encrypted-column';
import { DisclosureRevisionKind } from './disclosure-kind';

/** One public field's value before and after a revision. */
@ObjectType({ description: 'One public field of a disclosure as it was before a revision and after it.' })
export class DisclosureFieldChange {
  @Field({ description: 'The field’s name as in CreditDisclosure, e.g. content.' })
  field: string;

  @Field(() => String, { nullable: true, description: 'The value before, as text; null when there was none.' })
  before: string | null;

  @Field(() => String, { nullable: true, description: 'The value after, as text; null when there is none.' })
  after: string | null;
}

@ObjectType({
  description:
    'One revision of a public disclosure (公示变更记录): what changed, why and by whom. Revisions are never deleted.',
})
@Entity({ name: 'credit_disclosure_revision' })
@Index('ix_credit_disclosure_revision_disclosure', ['disclosureId', 'version'])
export class CreditDisclosureRevision {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'disclosure_id', type: 'int' })
  disclosureId: number;

  @Field(() => Int, { description: 'The disclosure’s version after this revision.' })
  @Column({ type: 'int' })
  version: number;

  @Field(() => DisclosureRevisionKind, { description: 'What made the revision.' })
  @Column({ type: 'varchar', length: 32 })
  kind: DisclosureRevisionKind;

  /** The changed fields as JSON text, stored encrypted when it holds personal information (free text). */
  @Column({ name: 'changes', type: 'text', transformer: freeText('credit', 'credit_disclosure_revision.changes') })
  changesJson: string;

  @Field(() => [DisclosureFieldChange], {
    description: 'The public fields it changed, before and after; empty for a publication.',
  })
  get changes(): DisclosureFieldChange[] {
    return JSON.parse(this.changesJson) as DisclosureFieldChange[];
  }

  @Field(() => String, {
    nullable: true,
    description: 'Why: the officer’s reason for a correction or repair decision, the case number of a status change.',
  })
  @Column({
    type: 'text',
    nullable: true,
    transformer: freeText('credit', 'credit_disclosure_revision.reason'),
  })
  reason: string | null;

  @Field({ description: 'Who made it: the officer’s username, or the department or job whose event it carries.' })
  @Column({ type: 'varchar', length: 100 })
  actor: string;

  @Field({ description: 'When it was made (UTC).' })
  @Column({ name: 'occurred_at', type: 'datetime' })
  occurredAt: Date;
}
