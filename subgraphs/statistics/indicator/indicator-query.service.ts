import { regionCodeProblem, regionName } from '../../../platform/codes/region-code';
import { inScope, type RegionScope } from '../../../platform/auth/region-scope';
import { forbidden, invalidInput } from '../../../platform/errors/domain-error';
import { indicatorDefinition } from '../catalogue/indicator-catalogue';
import type { IndicatorDefinition } from '../catalogue/indicator-definition';
import { definitionView } from '../catalogue/indicator-definition.types';
import { childRegions } from '../counting/roll-up';
import type { IndicatorCountsReader } from './indicator-counts.reader';
import { changePercent, countedParts, figure, percent, periodFigure } from './indicator-figures';
import {
  BreakdownBy,
  BreakdownOrder,
  type IndicatorBreakdown,
  type IndicatorBreakdownRow,
  type IndicatorTrend,
} from './indicator-trend.types';
import { formatPeriod, monthsBetween, PERIODS_PER_YEAR, periodRange, type PeriodGranularity } from './period';

/** The most periods one series or breakdown covers: ten years of months. */
export const MAX_PERIODS = 120;

export interface IndicatorRange {
  indicator: string;
  regionCode: string;
  granularity: PeriodGranularity;
  from: string;
  to: string;
  /** Limit the figures to one dimension value (and the values under it). */
  dimension?: string | null;
}

/**
 * A region asked about must be a known code (or 000000) within the caller's own region scope. A wider
 * region is refused rather than narrowed, so a figure is never labelled with more than it covers.
 */
export function assertRegionInScope(scope: RegionScope, field: string, regionCode: string): void {
  const problem = regionCodeProblem(regionCode, { allowNational: true });
  if (problem) throw invalidInput(field, problem);
  if (!inScope(scope, regionCode))
    throw forbidden(
      `只能查询本辖区（${scope.region}）的统计数据 / You may read statistics only within region ${scope.region}`,
    );
}

export function definitionOf(field: string, code: string): IndicatorDefinition {
  const definition = indicatorDefinition(code);
  if (!definition) throw invalidInput(field, 'is not an indicator of the catalogue (indicators)');
  return definition;
}

/** Series (同比/环比), breakdowns and rankings of any catalogue indicator over the region tree. */
export class IndicatorQueryService {
  constructor(private readonly reader: IndicatorCountsReader) {}

  async trend(scope: RegionScope, range: IndicatorRange): Promise<IndicatorTrend> {
    const definition = definitionOf('indicator', range.indicator);
    const { from, to } = periodRange(range.granularity, range.from, range.to, MAX_PERIODS);
    assertRegionInScope(scope, 'regionCode', range.regionCode);
    // A year more than shown, for the same period a year before the first point.
    const readFrom = from - PERIODS_PER_YEAR[range.granularity];
    const months = monthsBetween(range.granularity, readFrom, to);
    const counts = await this.reader.read(countedParts(definition), [range.regionCode], months[0], months.at(-1)!, {
      openings: definition.aggregation === 'STOCK',
    });
    const regionCounts = counts.get(range.regionCode)!;
    const value = (period: number) =>
      periodFigure(definition, regionCounts, range.granularity, readFrom, period, range.dimension);
    const points = [];
    for (let period = from; period <= to; period += 1) {
      const current = value(period);
      const previous = value(period - 1);
      const lastYear = value(period - PERIODS_PER_YEAR[range.granularity]);
      points.push({
        period: formatPeriod(range.granularity, period),
        value: current,
        previousPeriodValue: previous,
        periodOnPeriodPercent: changePercent(current, previous),
        lastYearValue: lastYear,
        yearOnYearPercent: changePercent(current, lastYear),
      });
    }
    return {
      definition: definitionView(definition),
      regionCode: range.regionCode,
      regionName: regionName(range.regionCode) ?? range.regionCode,
      granularity: range.granularity,
      dimension: range.dimension ?? null,
      points,
    };
  }

  async breakdown(
    scope: RegionScope,
    range: IndicatorRange & { by: BreakdownBy; orderBy: BreakdownOrder },
  ): Promise<IndicatorBreakdown> {
    const definition = definitionOf('indicator', range.indicator);
    const { from, to } = periodRange(range.granularity, range.from, range.to, MAX_PERIODS);
    assertRegionInScope(scope, 'regionCode', range.regionCode);
    const months = monthsBetween(range.granularity, from, to);
    const children = range.by === BreakdownBy.REGION ? childRegions(range.regionCode) : [];
    const counts = await this.reader.read(
      countedParts(definition),
      [range.regionCode, ...children],
      months[0],
      months.at(-1)!,
      { openings: definition.aggregation === 'STOCK' },
    );
    const own = counts.get(range.regionCode)!;
    const total = figure(definition, own, months, months, range.dimension);
    let rows: IndicatorBreakdownRow[];
    if (range.by === BreakdownBy.REGION) {
      rows = children.map((code) => ({
        key: code,
        name: regionName(code) ?? code,
        value: figure(definition, counts.get(code)!, months, months, range.dimension),
        sharePercent: null,
        rank: null,
      }));
    } else {
      // Every part's groups: a station that weighed vehicles but had no overload still has a rate (0%);
      // a STOCK also stands in the groups that did not change within the range.
      const parts = countedParts(definition);
      const groups = [
        ...new Set([
          ...parts.flatMap((part) => [...own.byDimension(part, months, range.dimension).keys()]),
          ...(definition.aggregation === 'STOCK' ? own.openingGroups(parts[0], range.dimension) : []),
        ]),
      ].sort();
      rows = groups.map((group) => ({
        key: group,
        name: group === '' ? '（未分类）' : group,
        value: figure(definition, own, months, months, group),
        sharePercent: null,
        rank: null,
      }));
    }
    rank(rows, definition.aggregation === 'SUM' ? total : null, range.orderBy);
    return {
      definition: definitionView(definition),
      regionCode: range.regionCode,
      regionName: regionName(range.regionCode) ?? range.regionCode,
      granularity: range.granularity,
      from: formatPeriod(range.granularity, from),
      to: formatPeriod(range.granularity, to),
      by: range.by,
      dimension: range.dimension ?? null,
      total,
      rows,
    };
  }
}

/** Ranks rows by figure (1 = highest, ties share), sets shares of `total`, and orders them. */
function rank(rows: IndicatorBreakdownRow[], total: number | null, order: BreakdownOrder): void {
  const ranked = rows.filter((row) => row.value !== null).sort((left, right) => right.value! - left.value!);
  ranked.forEach((row, index) => {
    row.rank = index > 0 && ranked[index - 1].value === row.value ? ranked[index - 1].rank : index + 1;
  });
  if (total !== null && total !== 0) {
    for (const row of rows) row.sharePercent = row.value === null ? null : percent(row.value, total);
  }
  if (order === BreakdownOrder.KEY) return;
  rows.sort((left, right) => {
    if (left.value === null || right.value === null) return left.value === null ? (right.value === null ? 0 : 1) : -1;
    return order === BreakdownOrder.VALUE_DESC ? right.value - left.value : left.value - right.value;
  });
}
