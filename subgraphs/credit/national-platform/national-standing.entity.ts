import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last standing the national credit platform gave for a subject (a cache: creditProfile answers from
 * it when the platform is slow or down). `entries` is the platform's list entries as JSON.
 */
@Entity({ name: 'credit_national_standing' })
export class NationalStandingCache {
  @PrimaryColumn({ name: 'credit_code', type: 'varchar', length: 18 })
  creditCode: string;

  @Column({ type: 'text' })
  entries: string;

  @Column({ name: 'retrieved_at', type: 'datetime' })
  retrievedAt: Date;
}
