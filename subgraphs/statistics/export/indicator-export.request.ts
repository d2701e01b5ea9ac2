import { invalidInput } from '../../../platform/errors/domain-error';
import { BreakdownOrder } from '../indicator/indicator-trend.types';
import type { IndicatorRange } from '../indicator/indicator-query.service';
import { PeriodGranularity } from '../indicator/period';

/** The path the statistics subgraph serves exports on; the gateway forwards its own path of the same name. */
export const STATISTICS_EXPORT_PATH = '/exports/statistics';
/** Where the caller reads how far an export has got, by its request id. */
export const STATISTICS_EXPORT_PROGRESS_PATH = '/exports/statistics/progress';

/** What an export's rows are. */
export enum ExportRows {
  /** The indicatorSeries points: period, figure, 环比 and 同比. */
  SERIES = 'SERIES',
  /** The indicatorBreakdown rows by the regions one level down. */
  REGION = 'REGION',
  /** The indicatorBreakdown rows by the indicator's dimension. */
  DIMENSION = 'DIMENSION',
  /** Every monthly count under the region: one row per region, month and dimension value (明细). */
  DETAIL = 'DETAIL',
}

export enum ExportFormat {
  CSV = 'csv',
  XLSX = 'xlsx',
}

export interface ExportRequest extends IndicatorRange {
  by: ExportRows;
  orderBy: BreakdownOrder;
  format: ExportFormat;
}

/** The query parameters an export takes, for the error that names an unknown one. */
const PARAMETERS = ['indicator', 'regionCode', 'granularity', 'from', 'to', 'dimension', 'by', 'orderBy', 'format'];

function oneOf<T extends string>(field: string, value: string | null, allowed: readonly T[], fallback: T): T {
  if (value === null || value === '') return fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw invalidInput(field, `must be one of ${allowed.join(', ')}`);
  return value as T;
}

function required(field: string, value: string | null): string {
  if (value === null || value.trim() === '') throw invalidInput(field, 'is required');
  return value;
}

/**
 * The export asked for in a query string, as the GraphQL arguments would be: BAD_USER_INPUT naming the
 * parameter at fault. Periods, region and indicator are checked by the query service like a query's.
 */
export function parseExportRequest(search: URLSearchParams): ExportRequest {
  for (const name of search.keys()) {
    if (!PARAMETERS.includes(name))
      throw invalidInput(name, `is not a parameter of an export (${PARAMETERS.join(', ')})`);
    if (search.getAll(name).length > 1) throw invalidInput(name, 'is given more than once');
  }
  const dimension = search.get('dimension');
  return {
    indicator: required('indicator', search.get('indicator')),
    regionCode: required('regionCode', search.get('regionCode')),
    granularity: oneOf(
      'granularity',
      search.get('granularity'),
      Object.values(PeriodGranularity),
      PeriodGranularity.MONTH,
    ),
    from: required('from', search.get('from')),
    to: required('to', search.get('to')),
    dimension: dimension === null || dimension === '' ? null : dimension,
    by: oneOf('by', search.get('by'), Object.values(ExportRows), ExportRows.SERIES),
    orderBy: oneOf('orderBy', search.get('orderBy'), Object.values(BreakdownOrder), BreakdownOrder.KEY),
    format: oneOf('format', search.get('format'), Object.values(ExportFormat), ExportFormat.CSV),
  };
}
