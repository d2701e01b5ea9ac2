import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One catalogue item (数据资源目录项, `Type.field`) a partner client may read, for which purposes, until
 * when. Granted at once for an unconditional item, by the owning department's approver for a
 * conditional one; never for a not-shared item. Ended by expiry or revocation, never deleted.
 */
@Entity({ name: 'data_grant' })
@Index('ix_data_grant_client', ['clientId', 'coordinate'])
export class DataGrant {
  @PrimaryGeneratedColumn()
  id: number;

  /** The partner's confidential client (azp of its tokens), e.g. partner-ndrc. */
  @Column({ name: 'client_id', type: 'varchar', length: 64 })
  clientId: string;

  /** The catalogue item, `Type.field` of the supergraph. */
  @Column({ type: 'varchar', length: 160 })
  coordinate: string;

  /** The department owning the item (licensing, enforcement, credit, safety, statistics), from the catalogue. */
  @Column({ type: 'varchar', length: 32 })
  department: string;

  /** The item's data category (the `category:<name>` client scope it needs), from the catalogue. */
  @Column({ type: 'varchar', length: 32 })
  category: string;

  /** The PurposeCodes the item may be read for, comma-separated, sorted. */
  @Column({ type: 'varchar', length: 400 })
  purposes: string;

  /** The access request this grant answers; null for seed grants of the demo clients. */
  @Column({ name: 'request_id', type: 'int', nullable: true })
  requestId: number | null;

  /** Who granted it: the approver's username, or `catalogue` for an unconditional item. */
  @Column({ name: 'granted_by', type: 'varchar', length: 128 })
  grantedBy: string;

  @Column({ name: 'granted_at', type: 'datetime' })
  grantedAt: Date;

  /** When it stops (UTC); null: until revoked. */
  @Column({ name: 'expires_at', type: 'datetime', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'revoked_at', type: 'datetime', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_by', type: 'varchar', length: 128, nullable: true })
  revokedBy: string | null;

  /** Why it was revoked, as the approver wrote it (shown to the partner). */
  @Column({ name: 'revoke_reason', type: 'varchar', length: 1000, nullable: true })
  revokeReason: string | null;
}
