import type { Identity } from '../../../platform/auth/identity';
import { regionName } from '../../../platform/codes/region-code';
import type { IndicatorDefinition, IndicatorUnit } from '../catalogue/indicator-definition';
import { ExportRows, type ExportRequest } from './indicator-export.request';

const UNIT_TEXT: Readonly<Record<IndicatorUnit, string>> = {
  COUNT: '件/个 count',
  FEN: '分 fen (1/100 元 yuan)',
  PERCENT: '% percent',
  WORKING_DAYS: '工作日 working days',
  VEHICLE_DAYS: '车日 vehicle-days',
};

const AGGREGATION_TEXT: Readonly<Record<IndicatorDefinition['aggregation'], string>> = {
  SUM: '累计 SUM: counts added up',
  RATIO: '比率 RATIO: numerator over denominator, times 100',
  MEDIAN: '中位数 MEDIAN of the values recorded',
  STOCK: '期末存量 STOCK: what stands at the end of the period',
};

const ROWS_TEXT: Readonly<Record<ExportRows, string>> = {
  SERIES: '时间序列 Series: figure per period with 环比 and 同比',
  REGION: '按下一级地区 Breakdown by the regions one level down',
  DIMENSION: '按维度 Breakdown by the dimension',
  DETAIL: '明细 Detail: every monthly count (region x month x dimension) under the region',
};

/** An instant as China Standard Time, e.g. `2026-12-03 22:45:07 (UTC+08:00)`. */
export function chinaDateTime(instant: Date): string {
  const shifted = new Date(instant.getTime() + 8 * 3_600_000);
  return `${shifted.toISOString().slice(0, 19).replace('T', ' ')} (UTC+08:00)`;
}

function aggregationText(definition: IndicatorDefinition): string {
  const parts = [definition.numerator, definition.denominator, definition.histogram, definition.flow].filter(Boolean);
  return parts.length > 0
    ? `${AGGREGATION_TEXT[definition.aggregation]} (${parts.join(' / ')})`
    : AGGREGATION_TEXT[definition.aggregation];
}

/** The rows an export file opens with: what the indicator is, what was asked, when and for whom. */
export function exportHeaderRows(
  definition: IndicatorDefinition,
  request: ExportRequest,
  caller: Identity,
  rowsTotal: number,
  generatedAt: Date,
): Array<[string, string]> {
  const dimension = definition.dimension ? `${definition.dimension.name} ${definition.dimension.nameEn}` : '—';
  return [
    ['指标代码 Indicator code', definition.code],
    ['指标名称 Indicator', `${definition.name} ${definition.nameEn}`],
    ['计量单位 Unit', UNIT_TEXT[definition.unit]],
    ['指标说明 Description', definition.description],
    ['汇总方式 Aggregation', aggregationText(definition)],
    ['地区规则 Region rule', definition.regionRule],
    ['来源事件 Source events', definition.sourceEvents.join(', ')],
    ['维度 Dimension', request.dimension ? `${dimension}: ${request.dimension}` : dimension],
    ['地区 Region', `${request.regionCode} ${regionName(request.regionCode) ?? ''}`.trim()],
    ['统计周期 Range', `${request.granularity} ${request.from} – ${request.to}`],
    ['导出内容 Rows', ROWS_TEXT[request.by]],
    ['行数 Row count', String(rowsTotal)],
    ['生成时间 Generated at', chinaDateTime(generatedAt)],
    ['生成对象 Generated for', `${caller.username} (${caller.region})`],
  ];
}
