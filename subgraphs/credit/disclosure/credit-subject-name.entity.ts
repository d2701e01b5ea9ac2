import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Credit's copy of the registry's names (credit code -> registered name), kept from licensing's
 * `enterprise.registered` and `permit.issued` events: enforcement's decisions carry only the credit
 * code, and a disclosure names its counterpart. Credit never reads licensing's tables.
 */
@Entity({ name: 'credit_subject_name' })
export class CreditSubjectName {
  @PrimaryColumn({ name: 'credit_code', type: 'varchar', length: 18 })
  creditCode: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
