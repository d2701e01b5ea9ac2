import { regionCodeProblem, regionName } from '../../../platform/codes/region-code';
import { invalidInput } from '../../../platform/errors/domain-error';
import { indicatorDefinition } from '../catalogue/indicator-catalogue';
import type { IndicatorDefinition } from '../catalogue/indicator-definition';
import type { IndicatorCountsReader } from '../indicator/indicator-counts.reader';
import { countedParts, figure, type RegionCounts } from '../indicator/indicator-figures';
import { formatPeriod, monthLabels, periodRange, type PeriodGranularity } from '../indicator/period';
import { OPEN_DATA_LIST, openDataEntry, suppressionBasis, type OpenDataEntry } from './open-data-list';
import type { OpenIndicatorSeries, OpenIndicatorValue } from './open-data.types';

/** The most periods one public request covers: five years of months. */
export const MAX_OPEN_PERIODS = 60;

export interface OpenDataRequest {
  /** The list's indicators to read; all of them when null. */
  indicators: readonly string[] | null;
  regionCode: string;
  granularity: PeriodGranularity;
  from: string;
  to: string;
}

/** A region open data is published for: the country (000000) or a province (xx0000). */
function assertOpenRegion(regionCode: string, entries: readonly OpenDataEntry[]): void {
  const problem = regionCodeProblem(regionCode, { allowNational: true });
  if (problem) throw invalidInput('regionCode', problem);
  if (!/^\d{2}0000$/.test(regionCode))
    throw invalidInput(
      'regionCode',
      '数据开放只到省级：请用全国 000000 或省级代码 xx0000 / open data covers the country (000000) and provinces (xx0000) only',
    );
  const national = entries.find((entry) => entry.finest === 'NATIONAL');
  if (national && regionCode !== '000000')
    throw invalidInput(
      'regionCode',
      `${national.indicator} 只按全国开放 / is opened for the whole country (000000) only`,
    );
}

/**
 * A figure as the public sees it: a cell whose count is from 1 to k-1 shows "<k" and no value, so no
 * case, permit or enterprise can be picked out of it. A count is judged by itself; a ratio by its
 * denominator and its numerator (either being small would let the other give it away); a median by how
 * many values it is the median of.
 */
export function openValue(
  definition: IndicatorDefinition,
  counts: RegionCounts,
  months: readonly string[],
  monthsToDate: readonly string[],
  minCount: number,
): Omit<OpenIndicatorValue, 'period'> {
  const value = figure(definition, counts, months, monthsToDate);
  const basis = suppressionBasis(definition)!;
  const small = (count: number) => count > 0 && count < minCount;
  let suppressed: boolean;
  if (definition.aggregation === 'RATIO')
    suppressed = small(counts.sum(basis, months)) || small(counts.sum(definition.numerator!, months));
  else if (definition.aggregation === 'MEDIAN')
    suppressed = small([...counts.histogram(basis, months).values()].reduce((sum, count) => sum + count, 0));
  else suppressed = small(value ?? 0);
  if (suppressed) return { value: null, display: `<${minCount}`, suppressed: true };
  return { value, display: value === null ? '—' : String(value), suppressed: false };
}

/** The public, anonymous figures of the open data list (数据开放), province level and above, small cells hidden. */
export class OpenDataService {
  constructor(
    private readonly reader: IndicatorCountsReader,
    private readonly settings: { minCount: number },
  ) {}

  async series(request: OpenDataRequest): Promise<OpenIndicatorSeries[]> {
    const codes =
      request.indicators === null ? OPEN_DATA_LIST.map((entry) => entry.indicator) : [...new Set(request.indicators)];
    if (codes.length === 0) throw invalidInput('indicators', 'name at least one indicator, or leave it out for all');
    const entries = codes.map((code) => {
      const entry = openDataEntry(code);
      if (!entry) throw invalidInput('indicators', `${code} 不在数据开放清单中 / is not on the open data list`);
      return entry;
    });
    const { from, to } = periodRange(request.granularity, request.from, request.to, MAX_OPEN_PERIODS);
    assertOpenRegion(request.regionCode, entries);
    const definitions = entries.map((entry) => indicatorDefinition(entry.indicator)!);
    const periods: number[] = [];
    for (let period = from; period <= to; period += 1) periods.push(period);
    const months = periods.flatMap((period) => monthLabels(request.granularity, period));
    const parts = [...new Set(definitions.flatMap(countedParts))];
    const counts = await this.reader.read(parts, [request.regionCode], months[0], months.at(-1)!, {
      openings: definitions.some((definition) => definition.aggregation === 'STOCK'),
    });
    const own = counts.get(request.regionCode)!;
    return entries.map((entry, index) => {
      const definition = definitions[index];
      const points = periods.map((period) => {
        const periodMonths = monthLabels(request.granularity, period);
        const toDate = months.slice(0, months.indexOf(periodMonths.at(-1)!) + 1);
        return {
          period: formatPeriod(request.granularity, period),
          ...openValue(definition, own, periodMonths, toDate, this.settings.minCount),
        };
      });
      return {
        indicator: definition.code,
        name: definition.name,
        nameEn: definition.nameEn,
        unit: definition.unit,
        description: definition.description,
        regionRule: definition.regionRule,
        note: entry.note,
        regionCode: request.regionCode,
        regionName: regionName(request.regionCode) ?? request.regionCode,
        granularity: request.granularity,
        minimumCount: this.settings.minCount,
        points,
      };
    });
  }
}
