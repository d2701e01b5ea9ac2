import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ListDecisionKind } from './credit-list';

@ObjectType({ description: 'A decision behind a list entry, by its document number (决定文书号).' })
@Entity({ name: 'credit_list_decision' })
@Index('uq_credit_list_decision', ['entryId', 'documentNumber'], { unique: true })
@Index('ix_credit_list_decision_document', ['documentNumber'])
export class CreditListDecision {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'entry_id', type: 'int' })
  entryId: number;

  @Field(() => ListDecisionKind, { description: 'What the number names: a case, a permit or another document.' })
  @Column({ type: 'varchar', length: 16 })
  kind: ListDecisionKind;

  @Field({ description: 'The case number, the permit number or the document number (文号).' })
  @Column({ name: 'document_number', type: 'varchar', length: 64 })
  documentNumber: string;
}
