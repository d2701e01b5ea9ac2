import { regionName } from '../../../platform/codes/region-code';
import type { RegionScope } from '../../../platform/auth/region-scope';
import { invalidInput } from '../../../platform/errors/domain-error';
import { childRegions } from '../counting/roll-up';
import { assertYear, formatMonth, parseMonth } from '../statistics-calendar';
import type { IndicatorCountsReader } from './indicator-counts.reader';
import type { RegionCounts } from './indicator-figures';
import { assertRegionInScope, definitionOf } from './indicator-query.service';
import { MAX_SERIES_MONTHS } from './inputs/region-indicator.args';
import type { IndicatorSeries, RegionOverview, RegionTotals } from './region-indicator.types';

type TotalField = keyof Omit<RegionTotals, 'regionCode' | 'regionName'>;

const TOTAL_FIELD: ReadonlyArray<[string, TotalField]> = [
  ['PERMITS_ISSUED', 'permitsIssued'],
  ['CASES_OPENED', 'casesOpened'],
  ['CASES_DECIDED', 'casesDecided'],
  ['FINES_FEN', 'finesFen'],
  ['WAYBILLS_CREATED', 'waybillsCreated'],
];

function totalsOf(regionCode: string, counts: RegionCounts, months: readonly string[]): RegionTotals {
  const totals: RegionTotals = {
    regionCode,
    regionName: regionName(regionCode) ?? regionCode,
    permitsIssued: 0,
    casesOpened: 0,
    casesDecided: 0,
    finesFen: 0,
    waybillsCreated: 0,
  };
  for (const [indicator, field] of TOTAL_FIELD) totals[field] = counts.sum(indicator, months);
  return totals;
}

/** The first API: a monthly series of one counted indicator, and a year's overview of the first five. */
export class IndicatorService {
  constructor(private readonly reader: IndicatorCountsReader) {}

  async series(
    scope: RegionScope,
    indicator: string,
    regionCode: string,
    fromMonth: string,
    toMonth: string,
  ): Promise<IndicatorSeries> {
    const definition = definitionOf('indicator', indicator);
    if (definition.aggregation !== 'SUM')
      throw invalidInput('indicator', `is a ${definition.aggregation} indicator; read it with indicatorSeries`);
    const from = parseMonth('fromMonth', fromMonth);
    const to = parseMonth('toMonth', toMonth);
    if (to < from) throw invalidInput('toMonth', 'must not be before fromMonth');
    if (to - from + 1 > MAX_SERIES_MONTHS)
      throw invalidInput('toMonth', `must be at most ${MAX_SERIES_MONTHS} months from fromMonth, inclusive`);
    assertRegionInScope(scope, 'regionCode', regionCode);
    const counts = (await this.reader.read([indicator], [regionCode], fromMonth, toMonth)).get(regionCode)!;
    const points = [];
    for (let month = from; month <= to; month += 1) {
      const label = formatMonth(month);
      points.push({ month: label, value: counts.sum(indicator, [label]) });
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
    const months = Array.from({ length: 12 }, (_, index) => formatMonth(year * 12 + index));
    const children = childRegions(regionCode);
    const counts = await this.reader.read(
      TOTAL_FIELD.map(([indicator]) => indicator),
      [regionCode, ...children],
      months[0],
      months[11],
    );
    const subRegions = children
      .map((code) => totalsOf(code, counts.get(code)!, months))
      .filter((totals) => TOTAL_FIELD.some(([, field]) => totals[field] !== 0));
    return { ...totalsOf(regionCode, counts.get(regionCode)!, months), year, subRegions };
  }
}
