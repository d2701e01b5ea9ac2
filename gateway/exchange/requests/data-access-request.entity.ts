import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { DataAccessItem } from './data-access-item.entity';

/**
 * A partner's request for catalogue items (共享申请), made by its administrator for its own client, with
 * the purposes, the legal basis and why. Its items are decided one by one; the request itself never changes.
 */
@Entity({ name: 'data_access_request' })
@Index('ix_data_access_request_client', ['clientId'])
export class DataAccessRequest {
  @PrimaryGeneratedColumn()
  id: number;

  /** The partner's confidential client the items are asked for, e.g. partner-ndrc. */
  @Column({ name: 'client_id', type: 'varchar', length: 64 })
  clientId: string;

  /** The partner administrator's username. */
  @Column({ name: 'requested_by', type: 'varchar', length: 128 })
  requestedBy: string;

  /** The PurposeCodes asked for, comma-separated, sorted. */
  @Column({ type: 'varchar', length: 400 })
  purposes: string;

  /** The law, regulation or agreement the partner relies on (法律依据). */
  @Column({ name: 'legal_basis', type: 'varchar', length: 500 })
  legalBasis: string;

  /** Why the partner needs the items, as its administrator wrote it. */
  @Column({ type: 'varchar', length: 1000 })
  reason: string;

  @Column({ name: 'requested_at', type: 'datetime' })
  requestedAt: Date;

  @OneToMany(() => DataAccessItem, (item) => item.request)
  items: DataAccessItem[];
}
