import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Licensing's copy of one credit list entry (信用名单), kept from credit's `credit.list-changed` events so
 * an approval can apply joint discipline (联合惩戒) without a call to credit at decision time.
 */
@Entity({ name: 'applicant_credit_listing' })
@Index('ix_applicant_credit_listing_subject', ['creditCode', 'listed'])
export class ApplicantCreditListing {
  /** Credit's list entry id. */
  @PrimaryColumn({ name: 'entry_id', type: 'varchar', length: 40 })
  entryId: string;

  /** The entry's version at credit; an older version arriving late changes nothing. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 32 })
  list: string;

  @Column({ name: 'credit_code', type: 'varchar', length: 18 })
  creditCode: string;

  @Column({ type: 'boolean' })
  listed: boolean;

  @Column({ type: 'varchar', length: 64 })
  criterion: string;

  @Column({ name: 'started_at', type: 'datetime' })
  startedAt: Date;

  @Column({ name: 'planned_removal_at', type: 'datetime', nullable: true })
  plannedRemovalAt: Date | null;

  @Column({ name: 'removed_at', type: 'datetime', nullable: true })
  removedAt: Date | null;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
