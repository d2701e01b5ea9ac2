import { Field, Int, ObjectType } from 'type-graphql';
import { freeText } from '../../../platform/crypto/encrypted-column';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreditRecordKind, CreditRecordSource } from './credit-record-kind';

@ObjectType({
  description:
    'One fact in a market subject’s credit file (信用记录): a penalty, license, commendation or dishonest conduct.',
})
@Entity({ name: 'credit_record' })
@Index('uq_credit_record_source', ['source', 'sourceReference'], { unique: true })
@Index('ix_credit_record_subject', ['creditCode'])
@Index('ix_credit_record_region_kind', ['regionCode', 'kind'])
@Index('ix_credit_record_kind', ['kind'])
export class CreditRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'Unified social credit code (统一社会信用代码) of the subject the record is about.' })
  @Column({ name: 'credit_code', type: 'varchar', length: 18 })
  creditCode: string;

  @Field(() => CreditRecordKind, { description: 'What the record states.' })
  @Column({ type: 'varchar', length: 32 })
  kind: CreditRecordKind;

  @Field(() => CreditRecordSource, { description: 'Where the record came from.' })
  @Column({ type: 'varchar', length: 32 })
  source: CreditRecordSource;

  @Field({ description: 'The source’s own number for the decision, e.g. the case number; unique per source.' })
  @Column({ name: 'source_reference', type: 'varchar', length: 64 })
  sourceReference: string;

  @Field({ description: 'GB/T 2260 code of the deciding authority.' })
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Field({ description: 'What was decided, as the decision states it.' })
  @Column({ type: 'text', transformer: freeText('credit', 'credit_record.summary') })
  summary: string;

  @Field(() => Int, {
    description: 'What the record adds to the credit score (negative for penalties and dishonesty).',
  })
  @Column({ name: 'score_delta', type: 'int' })
  scoreDelta: number;

  @Field({ description: 'When the decision was made (UTC).' })
  @Column({ name: 'decided_at', type: 'datetime' })
  decidedAt: Date;

  @Field({ description: 'When the record entered the credit file (UTC).' })
  @Column({ name: 'recorded_at', type: 'datetime' })
  recordedAt: Date;

  @Field({
    description:
      'Who entered it: the officer’s username, or the department whose decision it carries (e.g. enforcement).',
  })
  @Column({ name: 'recorded_by', type: 'varchar', length: 100 })
  recordedBy: string;

  @Field(() => Date, {
    nullable: true,
    description:
      'When an approved credit repair (信用修复) took the record out of the score (UTC); the record stays in the file. Null otherwise.',
  })
  @Column({ name: 'repaired_at', type: 'datetime', nullable: true })
  repairedAt: Date | null;
}
