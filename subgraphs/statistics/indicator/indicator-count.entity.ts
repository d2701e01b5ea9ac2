import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_AS_NUMBER } from '../bigint-column';

/** The columns and key of a count table: the live counts and their rebuild (statistics:replay) share them. */
export abstract class IndicatorCountColumns {
  @PrimaryColumn({ type: 'varchar', length: 48 })
  indicator: string;

  /** GB/T 2260 code; 000000 is the whole country. */
  @PrimaryColumn({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  /** YYYY-MM in China Standard Time. */
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  /** The indicator's dimension value (see CountedFact.dimension); '' when it has none. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  dimension: string;

  @Column({ type: 'bigint', transformer: BIGINT_AS_NUMBER })
  value: number;
}

/**
 * One indicator's count for one region and month (and dimension value), over the region and every region
 * under it: an event in a county adds to the county's row, its prefecture's, its province's and the
 * national one (000000). A series or a breakdown reads the rows it shows and sums nothing across regions,
 * so its cost does not grow with the number of counties or events.
 */
@Entity({ name: 'indicator_count' })
export class IndicatorCount extends IndicatorCountColumns {}
