import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A penalised serious overload (from `case.decided`) that REPEATED_SERIOUS_OVERLOAD counts, until it is
 * behind a listing (`entryId`): a decision lists its subject at most once.
 */
@Entity({ name: 'credit_list_overload' })
@Index('ix_credit_list_overload_subject', ['creditCode', 'decidedAt'])
export class CreditListOverload {
  @PrimaryColumn({ name: 'case_number', type: 'varchar', length: 64 })
  caseNumber: string;

  @Column({ name: 'credit_code', type: 'varchar', length: 18 })
  creditCode: string;

  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Column({ name: 'decided_at', type: 'datetime' })
  decidedAt: Date;

  @Column({ name: 'entry_id', type: 'int', nullable: true })
  entryId: number | null;
}
