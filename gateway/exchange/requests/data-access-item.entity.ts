import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { DataAccessRequest } from './data-access-request.entity';

/** Where one requested item stands. */
export enum DataAccessItemStatus {
  /** Waiting for the owning department's approver (有条件共享). */
  PENDING = 'PENDING',
  /** Granted: at once for an unconditional item, by the approver for a conditional one. */
  GRANTED = 'GRANTED',
  /** Refused by the approver, with a reason the partner reads. */
  REFUSED = 'REFUSED',
}

/**
 * One catalogue item of an access request (共享申请项), with what the catalogue said of it when it was
 * asked for, and who decided it, when, and how. A decided item is never changed again.
 */
@Entity({ name: 'data_access_item' })
@Index('ix_data_access_item_request', ['requestId'])
@Index('ix_data_access_item_department', ['department', 'status'])
export class DataAccessItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'request_id', type: 'int' })
  requestId: number;

  @ManyToOne('DataAccessRequest', (request: DataAccessRequest) => request.items, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'request_id' })
  request?: DataAccessRequest;

  /** The catalogue item, `Type.field` of the supergraph. */
  @Column({ type: 'varchar', length: 160 })
  coordinate: string;

  /** The owning department at request time, whose approver decides the item. */
  @Column({ type: 'varchar', length: 32 })
  department: string;

  /** The item's data category at request time. */
  @Column({ type: 'varchar', length: 32 })
  category: string;

  /** The catalogue's share class at request time (UNCONDITIONAL or CONDITIONAL). */
  @Column({ name: 'share_class', type: 'varchar', length: 16 })
  shareClass: string;

  @Column({ type: 'varchar', length: 16 })
  status: DataAccessItemStatus;

  /** The approver's username, or `catalogue` for an unconditional item; null while pending. */
  @Column({ name: 'decided_by', type: 'varchar', length: 128, nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'datetime', nullable: true })
  decidedAt: Date | null;

  /** Why the approver refused, shown to the partner. */
  @Column({ name: 'refusal_reason', type: 'varchar', length: 1000, nullable: true })
  refusalReason: string | null;

  /** The grant a GRANTED item made (data_grant.id). */
  @Column({ name: 'grant_id', type: 'int', nullable: true })
  grantId: number | null;

  /** When the grant stops (UTC); null for an unconditional item (until revoked) or an undecided one. */
  @Column({ name: 'expires_at', type: 'datetime', nullable: true })
  expiresAt: Date | null;
}
