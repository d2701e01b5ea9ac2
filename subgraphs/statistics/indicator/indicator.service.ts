import type { DataSource } from 'typeorm';
import {
  NATIONAL_REGION_CODE,
  regionCodeProblem,
  regionName,
  regionScopePrefix,
} from '../../../platform/codes/region-code';
import { inScope, type RegionScope } from '../../../platform/auth/region-scope';
import { forbidden, invalidInput } from '../../../platform/errors/domain-error';
import { assertYear, formatMonth, monthsOfYear, parseMonth } from '../statistics-calendar';
import { INDICATORS, Indicator } from './indicator.enum';
import { MAX_SERIES_MONTHS } from './inputs/region-indicator.args';
import { RegionMonthCount } from './region-month-count.entity';
import type { IndicatorSeries, RegionOverview, RegionTotals } from './region-indicator.types';

const TOTAL_FIELD: Readonly<Record<Indicator, keyof Omit<RegionTotals, 'regionCode' | 'regionName'>>> = {
  PERMITS_ISSUED: 'permitsIssued',
  CASES_OPENED: 'casesOpened',
  CASES_DECIDED: 'casesDecided',
  FINES_FEN: 'finesFen',
  WAYBILLS_CREATED: 'waybillsCreated',
};

/**
 * A region asked about must be a known code (or 000000) within the caller's own region scope. A wider
 * region is refused rather than narrowed, so a total is never labelled with more than it sums.
 */
function assertRegionInScope(scope: RegionScope, field: string, regionCode: string): void {
  const problem = regionCodeProblem(regionCode, { allowNational: true });
  if (problem) throw invalidInput(field, problem);
  if (!inScope(scope, regionCode)) throw forbidden(`You may read statistics only within region ${scope.region}`);
}

function emptyTotals(regionCode: string): RegionTotals {
  return {
    regionCode,
    regionName: regionName(regionCode) ?? regionCode,
    permitsIssued: 0,
    casesOpened: 0,
    casesDecided: 0,
    finesFen: 0,
    waybillsCreated: 0,
  };
}

/**
 * The region one level below `parent` that `code` is counted under, or null when the count sits at the
 * parent's own level (or the parent is a county, which has nothing below it).
 */
function subRegionOf(parent: string, code: string): string | null {
  if (parent === NATIONAL_REGION_CODE) return `${code.slice(0, 2)}0000`;
  if (code === parent) return null;
  if (parent.endsWith('0000')) return `${code.slice(0, 4)}00`;
  if (parent.endsWith('00')) return code;
  return null;
}

/** Reads the indicators the event handlers count: series and yearly overviews over a region and below. */
export class IndicatorService {
  constructor(private readonly dataSource: DataSource) {}

  async series(
    scope: RegionScope,
    indicator: Indicator,
    regionCode: string,
    fromMonth: string,
    toMonth: string,
  ): Promise<IndicatorSeries> {
    if (!INDICATORS.includes(indicator)) throw invalidInput('indicator', `must be one of ${INDICATORS.join(', ')}`);
    const from = parseMonth('fromMonth', fromMonth);
    const to = parseMonth('toMonth', toMonth);
    if (to < from) throw invalidInput('toMonth', 'must not be before fromMonth');
    if (to - from + 1 > MAX_SERIES_MONTHS)
      throw invalidInput('toMonth', `must be at most ${MAX_SERIES_MONTHS} months from fromMonth, inclusive`);
    assertRegionInScope(scope, 'regionCode', regionCode);

    const query = this.dataSource
      .getRepository(RegionMonthCount)
      .createQueryBuilder('tally')
      .select('tally.month', 'month')
      .addSelect('SUM(tally.value)', 'value')
      .where('tally.indicator = :indicator', { indicator })
      .andWhere('tally.month BETWEEN :fromMonth AND :toMonth', { fromMonth, toMonth })
      .groupBy('tally.month');
    const prefix = regionScopePrefix(regionCode);
    if (prefix !== '') query.andWhere('tally.regionCode LIKE :prefix', { prefix: `${prefix}%` });
    // SUM comes back as DECIMAL text from MySQL, a number from SQLite.
    const rows: Array<{ month: string; value: string | number }> = await query.getRawMany();
    const byMonth = new Map(rows.map((row) => [row.month, Number(row.value)]));

    const points = [];
    for (let month = from; month <= to; month += 1) {
      const label = formatMonth(month);
      points.push({ month: label, value: byMonth.get(label) ?? 0 });
    }
    return {
      indicator,
      regionCode,
      regionName: regionName(regionCode) ?? regionCode,
      total: points.reduce((sum, point) => sum + point.value, 0),
      points,
    };
  }

  async overview(scope: RegionScope, regionCode: string, year: number): Promise<RegionOverview> {
    assertYear('year', year);
    assertRegionInScope(scope, 'regionCode', regionCode);
    const { first, last } = monthsOfYear(year);
    const query = this.dataSource
      .getRepository(RegionMonthCount)
      .createQueryBuilder('tally')
      .select('tally.regionCode', 'regionCode')
      .addSelect('tally.indicator', 'indicator')
      .addSelect('SUM(tally.value)', 'value')
      .where('tally.month BETWEEN :first AND :last', { first, last })
      .groupBy('tally.regionCode')
      .addGroupBy('tally.indicator');
    const prefix = regionScopePrefix(regionCode);
    if (prefix !== '') query.andWhere('tally.regionCode LIKE :prefix', { prefix: `${prefix}%` });
    const rows: Array<{ regionCode: string; indicator: Indicator; value: string | number }> = await query.getRawMany();

    const totals = emptyTotals(regionCode);
    const subRegions = new Map<string, RegionTotals>();
    for (const row of rows) {
      const field = TOTAL_FIELD[row.indicator];
      // A row under an indicator this version does not know is left out rather than guessed at.
      if (!field) continue;
      const value = Number(row.value);
      totals[field] += value;
      const child = subRegionOf(regionCode, row.regionCode);
      if (child === null) continue;
      const childTotals = subRegions.get(child) ?? emptyTotals(child);
      childTotals[field] += value;
      subRegions.set(child, childTotals);
    }
    return {
      ...totals,
      year,
      subRegions: [...subRegions.values()].sort((left, right) => left.regionCode.localeCompare(right.regionCode)),
    };
  }
}
