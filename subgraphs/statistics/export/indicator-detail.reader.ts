import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { regionScopePrefix } from '../../../platform/codes/region-code';
import { IndicatorCount } from '../indicator/indicator-count.entity';

/** Rows read per statement: a page in memory at a time, whatever the size of the export. */
export const DETAIL_PAGE_ROWS = 1_000;

export interface DetailSelection {
  /** The counted indicators (an indicator's counted parts). */
  indicators: readonly string[];
  /** The region: its own rows and those of every region under it. */
  regionCode: string;
  firstMonth: string;
  lastMonth: string;
  /** A dimension value: the rows of it and of the values under it (`kind` takes `kind/12`). */
  dimension: string | null;
}

/**
 * Every `indicator_count` row under a region over a range of months (明细), in primary-key order, read
 * in keyset pages: each page is one index range starting after the last row of the one before, so the
 * cost of a page does not grow with how far into the export it is (an OFFSET would).
 */
export class IndicatorDetailReader {
  constructor(private readonly dataSource: DataSource) {}

  async count(selection: DetailSelection): Promise<number> {
    const result = await this.selected(selection).select('COUNT(*)', 'total').getRawOne<{ total: string | number }>();
    return Number(result?.total ?? 0);
  }

  /** The rows, page by page; a page is empty only when there is nothing at all. */
  async *pages(selection: DetailSelection, pageRows = DETAIL_PAGE_ROWS): AsyncGenerator<IndicatorCount[]> {
    for (const indicator of selection.indicators) {
      let after: IndicatorCount | undefined;
      for (;;) {
        const query = this.selected({ ...selection, indicators: [indicator] })
          .orderBy('count.regionCode', 'ASC')
          .addOrderBy('count.month', 'ASC')
          .addOrderBy('count.dimension', 'ASC')
          .limit(pageRows);
        if (after)
          query.andWhere(
            '(count.regionCode > :afterRegion OR (count.regionCode = :afterRegion AND (count.month > :afterMonth OR ' +
              '(count.month = :afterMonth AND count.dimension > :afterDimension))))',
            { afterRegion: after.regionCode, afterMonth: after.month, afterDimension: after.dimension },
          );
        const page = await query.getMany();
        if (page.length > 0) yield page;
        if (page.length < pageRows) break;
        after = page[page.length - 1];
      }
    }
  }

  private selected(selection: DetailSelection): SelectQueryBuilder<IndicatorCount> {
    const query = this.dataSource
      .getRepository(IndicatorCount)
      .createQueryBuilder('count')
      .where('count.indicator IN (:...indicators)', { indicators: [...selection.indicators] })
      .andWhere('count.month BETWEEN :firstMonth AND :lastMonth', {
        firstMonth: selection.firstMonth,
        lastMonth: selection.lastMonth,
      });
    const prefix = regionScopePrefix(selection.regionCode);
    if (prefix !== '') query.andWhere('count.regionCode LIKE :prefix', { prefix: `${prefix}%` });
    if (selection.dimension !== null)
      // SUBSTR rather than LIKE: a dimension value may hold % or _ (station names), and it runs on both dialects.
      query.andWhere('(count.dimension = :dimension OR SUBSTR(count.dimension, 1, :length) = :under)', {
        dimension: selection.dimension,
        length: selection.dimension.length + 1,
        under: `${selection.dimension}/`,
      });
    return query;
  }
}
