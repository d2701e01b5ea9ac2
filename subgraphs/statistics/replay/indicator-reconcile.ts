import type { DataSource } from 'typeorm';

/** One row where the live count and the rebuilt one disagree; a missing row counts as 0. */
export interface CountDifference {
  indicator: string;
  regionCode: string;
  month: string;
  dimension: string;
  live: number;
  rebuilt: number;
}

export interface Reconciliation {
  /** How many rows differ. */
  total: number;
  /** The first of them, by indicator, region, month and dimension. */
  differences: CountDifference[];
}

const SAME_KEY = (left: string, right: string) =>
  `${left}.indicator = ${right}.indicator AND ${left}.region_code = ${right}.region_code AND ` +
  `${left}.month = ${right}.month AND ${left}.dimension = ${right}.dimension`;

// Rows of live that rebuilt lacks or counts otherwise, then rows only rebuilt has: a full outer join
// neither MySQL nor older SQLite has, in two anti/semi joins on the primary key.
const LIVE_SIDE =
  `FROM indicator_count live LEFT JOIN indicator_count_rebuilt rebuilt ON ${SAME_KEY('live', 'rebuilt')} ` +
  'WHERE (rebuilt.value IS NULL AND live.value <> 0) OR rebuilt.value <> live.value';
const REBUILT_SIDE =
  `FROM indicator_count_rebuilt rebuilt LEFT JOIN indicator_count live ON ${SAME_KEY('live', 'rebuilt')} ` +
  'WHERE live.value IS NULL AND rebuilt.value <> 0';

interface DifferenceRow {
  indicator: string;
  region_code: string;
  month: string;
  dimension: string;
  live: string | number | null;
  rebuilt: string | number | null;
}

/** Compares indicator_count with indicator_count_rebuilt row by row (run statistics:replay first). */
export async function reconcileCounts(dataSource: DataSource, limit = 1000): Promise<Reconciliation> {
  const count = async (from: string) =>
    Number((await dataSource.query<Array<{ n: string | number }>>(`SELECT COUNT(*) AS n ${from}`))[0].n);
  const total = (await count(LIVE_SIDE)) + (await count(REBUILT_SIDE));
  const select = (from: string) =>
    dataSource.query<DifferenceRow[]>(
      'SELECT COALESCE(live.indicator, rebuilt.indicator) AS indicator, ' +
        'COALESCE(live.region_code, rebuilt.region_code) AS region_code, ' +
        'COALESCE(live.month, rebuilt.month) AS month, COALESCE(live.dimension, rebuilt.dimension) AS dimension, ' +
        `live.value AS live, rebuilt.value AS rebuilt ${from} ` +
        'ORDER BY indicator, region_code, month, dimension LIMIT ?',
      [limit],
    );
  const rows = [...(await select(LIVE_SIDE)), ...(await select(REBUILT_SIDE))];
  const differences = rows
    .map((row) => ({
      indicator: row.indicator,
      regionCode: row.region_code,
      month: row.month,
      dimension: row.dimension,
      live: Number(row.live ?? 0),
      rebuilt: Number(row.rebuilt ?? 0),
    }))
    .sort((left, right) => differenceKey(left).localeCompare(differenceKey(right)))
    .slice(0, limit);
  return { total, differences };
}

function differenceKey(difference: CountDifference): string {
  return `${difference.indicator}\u0000${difference.regionCode}\u0000${difference.month}\u0000${difference.dimension}`;
}
