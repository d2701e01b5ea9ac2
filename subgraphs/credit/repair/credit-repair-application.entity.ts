import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { freeText } from '../../../platform/crypto/encrypted-column';
import { CreditRepairState } from './repair-state';

@ObjectType({
  description:
    'An application for credit repair (信用修复申请) of a disclosed penalty: filed for the enterprise after the minimum publicity period, decided by a credit officer of the deciding region.',
})
@Entity({ name: 'credit_repair_application' })
@Index('ix_credit_repair_region_state', ['authorityCode', 'state'])
@Index('ix_credit_repair_disclosure', ['disclosureId'])
export class CreditRepairApplication {
  @Field(() => ID, { description: 'Identifier of the application.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'disclosure_id', type: 'int' })
  disclosureId: number;

  /** The disclosure's id while the application is pending, null after; unique, so one open application per disclosure. */
  @Index('uq_credit_repair_open', { unique: true })
  @Column({ name: 'open_disclosure_id', type: 'int', nullable: true })
  openDisclosureId: number | null;

  @Field({ description: 'Unified social credit code (统一社会信用代码) of the enterprise.' })
  @Column({ name: 'credit_code', type: 'varchar', length: 18 })
  creditCode: string;

  @Field({ description: 'Decision document number of the penalty (the case number).' })
  @Column({ name: 'document_number', type: 'varchar', length: 64 })
  documentNumber: string;

  @Field({ description: 'GB/T 2260 code of the deciding authority; its region decides the application.' })
  @Column({ name: 'authority_code', type: 'varchar', length: 6 })
  authorityCode: string;

  @Field(() => CreditRepairState, { description: 'Where the application stands.' })
  @Column({ type: 'varchar', length: 16 })
  state: CreditRepairState;

  @Field(() => Int, { description: 'Version: 1 as filed, 2 once decided.' })
  @Column({ type: 'int', default: 1 })
  version: number;

  @Field({ description: 'Whether the penalty was executed (处罚已履行); an application requires it.' })
  @Column({ name: 'penalty_executed', type: 'boolean' })
  penaltyExecuted: boolean;

  @Field({ description: 'How the penalty was executed, e.g. the fine paid with its receipt number (履行情况).' })
  @Column({
    name: 'execution_statement',
    type: 'text',
    transformer: freeText('credit', 'credit_repair_application.execution_statement'),
  })
  executionStatement: string;

  @Field({ description: 'Who filed it: the credit officer acting for the enterprise (username).' })
  @Column({ name: 'filed_by', type: 'varchar', length: 100 })
  filedBy: string;

  @Field({ description: 'When it was filed (UTC).' })
  @Column({ name: 'filed_at', type: 'datetime' })
  filedAt: Date;

  @Field(() => String, { nullable: true, description: 'Who decided it (username); null while pending.' })
  @Column({ name: 'decided_by', type: 'varchar', length: 100, nullable: true })
  decidedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was decided (UTC); null while pending.' })
  @Column({ name: 'decided_at', type: 'datetime', nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'The reasons of the decision; null while pending.' })
  @Column({
    name: 'decision_reason',
    type: 'text',
    nullable: true,
    transformer: freeText('credit', 'credit_repair_application.decision_reason'),
  })
  decisionReason: string | null;
}
