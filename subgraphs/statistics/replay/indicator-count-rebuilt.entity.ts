import { Entity } from 'typeorm';
import { IndicatorCountColumns } from '../indicator/indicator-count.entity';

/**
 * indicator_count as rebuilt from the departments' event histories (statistics:replay): the same columns
 * and key, compared with the live counts row by row (statistics:reconcile) and swapped in on `--apply`.
 */
@Entity({ name: 'indicator_count_rebuilt' })
export class IndicatorCountRebuilt extends IndicatorCountColumns {}
