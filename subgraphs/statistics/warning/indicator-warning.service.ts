import type { RegionScope } from '../../../platform/auth/region-scope';
import { regionName, regionWithin } from '../../../platform/codes/region-code';
import { chinaMonth } from '../../../platform/time/china-time';
import { indicatorDefinition } from '../catalogue/indicator-catalogue';
import type { IndicatorDefinition } from '../catalogue/indicator-definition';
import { definitionView } from '../catalogue/indicator-definition.types';
import { childRegions, rollUpRegions } from '../counting/roll-up';
import type { IndicatorCountsReader } from '../indicator/indicator-counts.reader';
import { changePercent, countedParts, periodFigure } from '../indicator/indicator-figures';
import { assertRegionInScope } from '../indicator/indicator-query.service';
import { formatPeriod, monthsBetween, PERIODS_PER_YEAR, PeriodGranularity } from '../indicator/period';
import { parseMonth } from '../statistics-calendar';
import type { IndicatorWarning } from './indicator-warning.types';
import type { WarningThresholdRecord } from './warning-threshold.entity';
import type { WarningThresholdService } from './warning-threshold.service';
import { ThresholdComparison, ThresholdReach } from './warning-threshold.types';

const MONTHS_IN: Readonly<Record<PeriodGranularity, number>> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

/** The latest period of a granularity whose last month is `month` or before (months numbered from year 0). */
export function latestPeriodBy(granularity: PeriodGranularity, month: number): number {
  return Math.floor((month + 1) / MONTHS_IN[granularity]) - 1;
}

/** The threshold that applies to a region: its own, else the nearest one above it that reaches below. */
export function effectiveThresholds(
  regionCode: string,
  thresholds: readonly WarningThresholdRecord[],
): WarningThresholdRecord[] {
  const ancestry = rollUpRegions(regionCode);
  const nearest = new Map<string, { record: WarningThresholdRecord; distance: number }>();
  for (const record of thresholds) {
    const distance = ancestry.indexOf(record.regionCode);
    if (distance < 0 || (distance > 0 && record.reach !== ThresholdReach.REGION_AND_BELOW)) continue;
    const key = `${record.indicator}:${record.comparison}:${record.granularity}`;
    const found = nearest.get(key);
    if (!found || distance < found.distance) nearest.set(key, { record, distance });
  }
  return [...nearest.values()].map((entry) => entry.record);
}

const UNIT_TEXT: Readonly<Record<string, { zh: string; en: string }>> = {
  PERCENT: { zh: '%', en: '%' },
  WORKING_DAYS: { zh: '个工作日', en: ' working days' },
  VEHICLE_DAYS: { zh: '车日', en: ' vehicle-days' },
  COUNT: { zh: '', en: '' },
};

/** A figure as officers read it: amounts of money in yuan (元), the others in their unit. */
function amount(value: number, unit: string, language: 'zh' | 'en'): string {
  if (unit === 'FEN') return `${(value / 100).toFixed(2)}${language === 'zh' ? '元' : ' yuan'}`;
  return `${Math.round(value * 100) / 100}${UNIT_TEXT[unit]?.[language] ?? ''}`;
}

const CHANGE_WORDS: Partial<Record<ThresholdComparison, { zh: string; en: string; base: string; baseEn: string }>> = {
  PERIOD_ON_PERIOD_UP_PERCENT: { zh: '环比上升', en: 'up', base: '上期', baseEn: 'the period before' },
  PERIOD_ON_PERIOD_DOWN_PERCENT: { zh: '环比下降', en: 'down', base: '上期', baseEn: 'the period before' },
  YEAR_ON_YEAR_UP_PERCENT: { zh: '同比上升', en: 'up', base: '去年同期', baseEn: 'a year before' },
  YEAR_ON_YEAR_DOWN_PERCENT: { zh: '同比下降', en: 'down', base: '去年同期', baseEn: 'a year before' },
};

/** The Chinese and English texts of a warning. */
export function warningMessages(
  warning: Omit<IndicatorWarning, 'message' | 'messageEn' | 'definition'>,
  definition: IndicatorDefinition,
): { message: string; messageEn: string } {
  const where = `${warning.regionName} ${warning.period} ${definition.name}`;
  const whereEn = `${warning.regionCode} ${warning.period} ${definition.nameEn}`;
  const value = amount(warning.figure, definition.unit, 'zh');
  const valueEn = amount(warning.figure, definition.unit, 'en');
  const change = CHANGE_WORDS[warning.comparison];
  if (!change) {
    const above = warning.comparison === ThresholdComparison.VALUE_ABOVE;
    return {
      message: `${where} ${value}，${above ? '超过' : '低于'}阈值 ${amount(warning.threshold, definition.unit, 'zh')}`,
      messageEn: `${whereEn} ${valueEn}, ${above ? 'above' : 'below'} the threshold ${amount(warning.threshold, definition.unit, 'en')}`,
    };
  }
  const percent = Math.abs(warning.changePercent ?? 0);
  const base = amount(warning.baseFigure ?? 0, definition.unit, 'zh');
  const baseEn = amount(warning.baseFigure ?? 0, definition.unit, 'en');
  return {
    message: `${where} ${value}，${change.zh} ${percent}%（${change.base} ${base}），超过阈值 ${warning.threshold}%`,
    messageEn: `${whereEn} ${valueEn}, ${change.en} ${percent}% from ${change.baseEn} (${baseEn}), past the threshold ${warning.threshold}%`,
  };
}

/**
 * Early warning (预警): the enabled thresholds that watch a region, evaluated for it, the regions directly
 * under it and every region under it with a threshold of its own, in one read of the counts per
 * granularity whatever the number of regions and thresholds.
 */
export class IndicatorWarningService {
  constructor(
    private readonly reader: IndicatorCountsReader,
    private readonly thresholds: WarningThresholdService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async warnings(scope: RegionScope, regionCode: string, period?: string | null): Promise<IndicatorWarning[]> {
    assertRegionInScope(scope, 'regionCode', regionCode);
    // The latest complete month by default: the current one is still counting.
    const month = period ? parseMonth('period', period) : parseMonth('now', chinaMonth(this.clock())) - 1;
    const thresholds = await this.thresholds.applicable(regionCode, { enabledOnly: true });
    if (thresholds.length === 0) return [];
    const regions = [
      ...new Set([
        regionCode,
        ...childRegions(regionCode),
        ...thresholds.map((record) => record.regionCode).filter((code) => regionWithin(code, regionCode)),
      ]),
    ].sort();
    const watched = regions.map((code) => ({ code, thresholds: effectiveThresholds(code, thresholds) }));
    const warnings: IndicatorWarning[] = [];
    for (const granularity of Object.values(PeriodGranularity)) {
      const applying = watched.filter((region) =>
        region.thresholds.some((record) => record.granularity === granularity),
      );
      if (applying.length === 0) continue;
      warnings.push(...(await this.evaluate(granularity, latestPeriodBy(granularity, month), applying)));
    }
    return warnings.sort(
      (left, right) =>
        left.regionCode.localeCompare(right.regionCode) ||
        left.indicator.localeCompare(right.indicator) ||
        left.comparison.localeCompare(right.comparison),
    );
  }

  /** One read of every indicator and region the thresholds of a granularity need, then each compared. */
  private async evaluate(
    granularity: PeriodGranularity,
    period: number,
    regions: ReadonlyArray<{ code: string; thresholds: WarningThresholdRecord[] }>,
  ): Promise<IndicatorWarning[]> {
    const ofGranularity = regions.map((region) => ({
      code: region.code,
      thresholds: region.thresholds.filter((record) => record.granularity === granularity),
    }));
    const definitions = new Map<string, IndicatorDefinition>();
    for (const region of ofGranularity)
      for (const record of region.thresholds) definitions.set(record.indicator, indicatorDefinition(record.indicator)!);
    const readFrom = period - PERIODS_PER_YEAR[granularity];
    const months = monthsBetween(granularity, readFrom, period);
    const counts = await this.reader.read(
      [...new Set([...definitions.values()].flatMap(countedParts))],
      ofGranularity.map((region) => region.code),
      months[0],
      months.at(-1)!,
      { openings: [...definitions.values()].some((definition) => definition.aggregation === 'STOCK') },
    );
    const warnings: IndicatorWarning[] = [];
    for (const region of ofGranularity) {
      for (const record of region.thresholds) {
        const definition = definitions.get(record.indicator)!;
        const value = (at: number) => periodFigure(definition, counts.get(region.code)!, granularity, readFrom, at);
        const found = compare(record, value(period), (back) => value(period - back), PERIODS_PER_YEAR[granularity]);
        if (!found) continue;
        const warning = {
          thresholdId: String(record.id),
          indicator: record.indicator,
          regionCode: region.code,
          regionName: regionName(region.code) ?? region.code,
          thresholdRegionCode: record.regionCode,
          granularity,
          period: formatPeriod(granularity, period),
          comparison: record.comparison,
          threshold: Number(record.threshold),
          ...found,
        };
        warnings.push({ ...warning, definition: definitionView(definition), ...warningMessages(warning, definition) });
      }
    }
    return warnings;
  }
}

/** The figures of a threshold passed, or null when it is not passed (or there is nothing to compare). */
export function compare(
  record: Pick<WarningThresholdRecord, 'comparison' | 'threshold'>,
  current: number | null,
  before: (periodsBack: number) => number | null,
  periodsPerYear: number,
): { figure: number; baseFigure: number | null; changePercent: number | null } | null {
  if (current === null) return null;
  const threshold = Number(record.threshold);
  switch (record.comparison) {
    case ThresholdComparison.VALUE_ABOVE:
      return current > threshold ? { figure: current, baseFigure: null, changePercent: null } : null;
    case ThresholdComparison.VALUE_BELOW:
      return current < threshold ? { figure: current, baseFigure: null, changePercent: null } : null;
    default: {
      const yearly = record.comparison.startsWith('YEAR_ON_YEAR');
      const base = before(yearly ? periodsPerYear : 1);
      const change = changePercent(current, base);
      if (change === null) return null;
      const passed = record.comparison.endsWith('_UP_PERCENT') ? change > threshold : change < -threshold;
      return passed ? { figure: current, baseFigure: base, changePercent: change } : null;
    }
  }
}
