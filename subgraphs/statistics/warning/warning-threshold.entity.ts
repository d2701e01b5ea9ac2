import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { PeriodGranularity } from '../indicator/period';
import type { ThresholdComparison, ThresholdReach } from './warning-threshold.types';

/**
 * An early-warning threshold (预警阈值) an analyst set on one indicator for a region. One per indicator,
 * region, comparison and granularity: setting it again changes it.
 */
@Entity({ name: 'warning_threshold' })
@Index('ix_warning_threshold_region', ['regionCode'])
@Index('uq_warning_threshold', ['indicator', 'regionCode', 'comparison', 'granularity'], { unique: true })
export class WarningThresholdRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 48 })
  indicator: string;

  /** GB/T 2260 code; 000000 for the whole country. */
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Column({ type: 'varchar', length: 32 })
  comparison: ThresholdComparison;

  /** In the indicator's unit, or in percent for a change. */
  @Column({ type: 'double' })
  threshold: number;

  @Column({ type: 'varchar', length: 8 })
  granularity: PeriodGranularity;

  @Column({ type: 'varchar', length: 24 })
  reach: ThresholdReach;

  @Column({ type: 'boolean' })
  enabled: boolean;

  @Column({ name: 'created_by', type: 'varchar', length: 100 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'updated_by', type: 'varchar', length: 100 })
  updatedBy: string;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
