import { In, LessThan, type DataSource } from 'typeorm';
import { IndicatorCount } from './indicator-count.entity';
import { RegionCounts } from './indicator-figures';

/**
 * Reads `indicator_count` rows into RegionCounts, one per region asked for. Each read is one indexed range
 * of the primary key (indicator, region, month) per region, whatever the number of events counted.
 */
export class IndicatorCountsReader {
  constructor(private readonly dataSource: DataSource) {}

  async read(
    indicators: readonly string[],
    regionCodes: readonly string[],
    firstMonth: string,
    lastMonth: string,
    options: { openings?: boolean } = {},
  ): Promise<Map<string, RegionCounts>> {
    const byRegion = new Map<string, RegionCounts>(regionCodes.map((code) => [code, new RegionCounts()]));
    if (indicators.length === 0 || regionCodes.length === 0) return byRegion;
    const repository = this.dataSource.getRepository(IndicatorCount);
    const rows = await repository
      .createQueryBuilder('count')
      .select(['count.indicator', 'count.regionCode', 'count.month', 'count.dimension', 'count.value'])
      .where({ indicator: In([...indicators]), regionCode: In([...regionCodes]) })
      .andWhere('count.month BETWEEN :firstMonth AND :lastMonth', { firstMonth, lastMonth })
      .getMany();
    for (const row of rows) byRegion.get(row.regionCode)?.add(row.indicator, row.month, row.dimension, row.value);
    if (options.openings) {
      const openings: Array<{ indicator: string; regionCode: string; dimension: string; value: string | number }> =
        await repository
          .createQueryBuilder('count')
          .select('count.indicator', 'indicator')
          .addSelect('count.regionCode', 'regionCode')
          .addSelect('count.dimension', 'dimension')
          .addSelect('SUM(count.value)', 'value')
          .where({ indicator: In([...indicators]), regionCode: In([...regionCodes]), month: LessThan(firstMonth) })
          .groupBy('count.indicator')
          .addGroupBy('count.regionCode')
          .addGroupBy('count.dimension')
          .getRawMany();
      for (const row of openings)
        byRegion.get(row.regionCode)?.addOpening(row.indicator, row.dimension, Number(row.value));
    }
    return byRegion;
  }
}
