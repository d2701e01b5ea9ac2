import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_AS_NUMBER } from '../bigint-column';

/**
 * indicator_count as rebuilt from the departments' event histories (statistics:replay): the same columns
 * and key, compared with the live counts row by row (statistics:reconcile) and swapped in on `--apply`.
 */
@Entity({ name: 'indicator_count_rebuilt' })
export class IndicatorCountRebuilt {
  @PrimaryColumn({ type: 'varchar', length: 48 })
  indicator: string;

  @PrimaryColumn({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  dimension: string;

  @Column({ type: 'bigint', transformer: BIGINT_AS_NUMBER })
  value: number;
}
