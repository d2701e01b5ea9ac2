import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BIGINT_AS_NUMBER } from '../bigint-column';
import { Indicator } from './indicator.enum';

/**
 * One indicator's running count for one region and month, incremented by the event handlers.
 * Not a GraphQL type itself: series and overviews are summed from these rows.
 */
@Entity({ name: 'region_month_count' })
@Index('uq_region_month_count', ['regionCode', 'month', 'indicator'], { unique: true })
@Index('ix_region_month_count_series', ['indicator', 'month', 'regionCode'])
@Index('ix_region_month_count_month', ['month'])
export class RegionMonthCount {
  @PrimaryGeneratedColumn()
  id: number;

  /** GB/T 2260 code of the region the event happened in (the deciding authority, the waybill's origin). */
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  /** YYYY-MM in China Standard Time. */
  @Column({ type: 'varchar', length: 7 })
  month: string;

  @Column({ type: 'varchar', length: 32 })
  indicator: Indicator;

  @Column({ type: 'bigint', transformer: BIGINT_AS_NUMBER })
  value: number;
}
