import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { SafetyReportType } from './safety-report';

export enum SafetyDeliveryState {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  REFUSED = 'REFUSED',
}

/**
 * The push outbox to the national safety supervision platform: one row per version of a report, written
 * in the transaction that made the change (unique on type, id and version, so recording twice adds
 * nothing), delivered at least once by the relay, in version order per report.
 */
@Entity({ name: 'safety_platform_delivery' })
@Index('uq_safety_platform_delivery_version', ['reportType', 'reportId', 'version'], { unique: true })
@Index('ix_safety_platform_delivery_due', ['state', 'nextAttemptAt', 'id'])
@Index('ix_safety_platform_delivery_region', ['regionCode', 'id'])
export class SafetyPlatformDelivery {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'report_type', type: 'varchar', length: 24 })
  reportType: SafetyReportType;

  @Column({ name: 'report_id', type: 'varchar', length: 64 })
  reportId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  /** The report at this version as JSON: facts and codes only. */
  @Column({ type: 'text' })
  payload: string;

  @Column({ type: 'varchar', length: 16 })
  state: SafetyDeliveryState;

  @Column({ type: 'integer' })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'datetime', nullable: true })
  nextAttemptAt: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'last_attempt_at', type: 'datetime', nullable: true })
  lastAttemptAt: Date | null;

  @Column({ name: 'delivered_at', type: 'datetime', nullable: true })
  deliveredAt: Date | null;

  @Column({ name: 'receipt_number', type: 'varchar', length: 64, nullable: true })
  receiptNumber: string | null;

  /** The relay process holding it while it is sent, and until when; another takes over after that. */
  @Column({ name: 'lease_owner', type: 'varchar', length: 64, nullable: true })
  leaseOwner: string | null;

  @Column({ name: 'lease_until', type: 'datetime', nullable: true })
  leaseUntil: Date | null;
}
