import type { Identity } from '../../../platform/auth/identity';
import type { RegionScope } from '../../../platform/auth/region-scope';
import { regionName } from '../../../platform/codes/region-code';
import type { IndicatorDefinition } from '../catalogue/indicator-definition';
import { countedParts } from '../indicator/indicator-figures';
import {
  assertRegionInScope,
  definitionOf,
  MAX_PERIODS,
  type IndicatorQueryService,
} from '../indicator/indicator-query.service';
import { BreakdownBy } from '../indicator/indicator-trend.types';
import { monthsOfPeriod, periodRange } from '../indicator/period';
import { formatMonth } from '../statistics-calendar';
import type { ExportCell, ExportLayout } from './export-file.writer';
import type { DetailSelection, IndicatorDetailReader } from './indicator-detail.reader';
import { exportHeaderRows } from './indicator-export.header';
import { ExportRows, type ExportRequest } from './indicator-export.request';

/** An export checked and counted, ready to be written: its rows are read as they are written. */
export interface PreparedExport {
  definition: IndicatorDefinition;
  layout: ExportLayout;
  /** The number of data rows, known before the first is written (the caller's progress bar). */
  rowsTotal: number;
  rows: AsyncIterable<readonly ExportCell[]> | Iterable<readonly ExportCell[]>;
  fileName: string;
}

const SERIES_COLUMNS = [
  '周期 Period',
  '数值 Value',
  '上期 Previous period',
  '环比% Period on period %',
  '去年同期 Same period last year',
  '同比% Year on year %',
];
const BREAKDOWN_COLUMNS = ['代码 Key', '名称 Name', '数值 Value', '占比% Share %', '排名 Rank'];
const DETAIL_COLUMNS = [
  '计数指标 Counted indicator',
  '地区代码 Region code',
  '地区名称 Region',
  '月份 Month',
  '维度值 Dimension value',
  '数值 Value',
];

/** Any indicator query as a file: the series, a breakdown, or every count under a region (明细). */
export class IndicatorExportService {
  constructor(
    private readonly queries: IndicatorQueryService,
    private readonly detail: IndicatorDetailReader,
  ) {}

  /** Checks the request as the GraphQL query would (indicator, periods, region scope) and counts its rows. */
  async prepare(
    scope: RegionScope,
    caller: Identity,
    request: ExportRequest,
    generatedAt = new Date(),
  ): Promise<PreparedExport> {
    const definition = definitionOf('indicator', request.indicator);
    let columns: string[];
    let rowsTotal: number;
    let rows: PreparedExport['rows'];
    if (request.by === ExportRows.SERIES) {
      const trend = await this.queries.trend(scope, request);
      columns = SERIES_COLUMNS;
      rowsTotal = trend.points.length;
      rows = trend.points.map((point) => [
        point.period,
        point.value,
        point.previousPeriodValue,
        point.periodOnPeriodPercent,
        point.lastYearValue,
        point.yearOnYearPercent,
      ]);
    } else if (request.by === ExportRows.DETAIL) {
      const selection = this.detailSelection(scope, definition, request);
      columns = DETAIL_COLUMNS;
      rowsTotal = await this.detail.count(selection);
      rows = this.detailRows(selection);
    } else {
      const breakdown = await this.queries.breakdown(scope, {
        ...request,
        by: request.by === ExportRows.REGION ? BreakdownBy.REGION : BreakdownBy.DIMENSION,
      });
      columns = BREAKDOWN_COLUMNS;
      rowsTotal = breakdown.rows.length + 1;
      rows = [
        ...breakdown.rows.map((row) => [row.key, row.name, row.value, row.sharePercent, row.rank]),
        ['合计 Total', regionName(request.regionCode) ?? request.regionCode, breakdown.total, null, null],
      ];
    }
    const stamp = `${request.from}_${request.to}`.replace(/[^0-9A-Za-z_-]/g, '');
    return {
      definition,
      layout: { headerRows: exportHeaderRows(definition, request, caller, rowsTotal, generatedAt), columns },
      rowsTotal,
      rows,
      fileName: `${definition.code}_${request.regionCode}_${request.by}_${stamp}.${request.format}`,
    };
  }

  private detailSelection(
    scope: RegionScope,
    definition: IndicatorDefinition,
    request: ExportRequest,
  ): DetailSelection {
    const { from, to } = periodRange(request.granularity, request.from, request.to, MAX_PERIODS);
    assertRegionInScope(scope, 'regionCode', request.regionCode);
    return {
      indicators: countedParts(definition),
      regionCode: request.regionCode,
      firstMonth: formatMonth(monthsOfPeriod(request.granularity, from).first),
      lastMonth: formatMonth(monthsOfPeriod(request.granularity, to).last),
      dimension: request.dimension ?? null,
    };
  }

  private async *detailRows(selection: DetailSelection): AsyncIterable<readonly ExportCell[]> {
    for await (const page of this.detail.pages(selection))
      for (const count of page)
        yield [
          count.indicator,
          count.regionCode,
          regionName(count.regionCode) ?? count.regionCode,
          count.month,
          count.dimension,
          count.value,
        ];
  }
}
