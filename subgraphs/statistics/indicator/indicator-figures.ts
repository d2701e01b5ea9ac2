import type { IndicatorDefinition } from '../catalogue/indicator-definition';
import { monthsBetween, type PeriodGranularity } from './period';

/** The counted indicators an indicator's figure is made of (itself for SUM). */
export function countedParts(definition: IndicatorDefinition): string[] {
  switch (definition.aggregation) {
    case 'RATIO':
      return [definition.numerator!, definition.denominator!];
    case 'MEDIAN':
      return [definition.histogram!];
    case 'STOCK':
      return [definition.flow!];
    default:
      return [definition.code];
  }
}

/** True when a row's dimension is the one asked for, or lies under it (`kind` matches `kind/12`). */
export function dimensionMatches(rowDimension: string, wanted: string | null | undefined): boolean {
  if (wanted === null || wanted === undefined) return true;
  return rowDimension === wanted || rowDimension.startsWith(`${wanted}/`);
}

/** The first segment of a dimension value: what a breakdown by dimension groups on. */
export function dimensionGroup(rowDimension: string): string {
  const slash = rowDimension.indexOf('/');
  return slash < 0 ? rowDimension : rowDimension.slice(0, slash);
}

/**
 * The counts of one region: indicator -> month -> dimension -> value, plus what each indicator summed to
 * before the first month read (for STOCK figures).
 */
export class RegionCounts {
  private readonly cells = new Map<string, Map<string, Map<string, number>>>();
  private readonly openings = new Map<string, Map<string, number>>();

  add(indicator: string, month: string, dimension: string, value: number): void {
    let months = this.cells.get(indicator);
    if (!months) this.cells.set(indicator, (months = new Map<string, Map<string, number>>()));
    let dimensions = months.get(month);
    if (!dimensions) months.set(month, (dimensions = new Map<string, number>()));
    dimensions.set(dimension, (dimensions.get(dimension) ?? 0) + value);
  }

  addOpening(indicator: string, dimension: string, value: number): void {
    let dimensions = this.openings.get(indicator);
    if (!dimensions) this.openings.set(indicator, (dimensions = new Map<string, number>()));
    dimensions.set(dimension, (dimensions.get(dimension) ?? 0) + value);
  }

  /** The indicator summed over the months and the matching dimension values. */
  sum(indicator: string, months: readonly string[], dimension?: string | null): number {
    let total = 0;
    const byMonth = this.cells.get(indicator);
    if (!byMonth) return 0;
    for (const month of months) {
      for (const [value, count] of byMonth.get(month) ?? []) if (dimensionMatches(value, dimension)) total += count;
    }
    return total;
  }

  /** The indicator over the months, summed by dimension group. */
  byDimension(indicator: string, months: readonly string[], dimension?: string | null): Map<string, number> {
    const groups = new Map<string, number>();
    const byMonth = this.cells.get(indicator);
    for (const month of months) {
      for (const [value, count] of byMonth?.get(month) ?? []) {
        if (!dimensionMatches(value, dimension)) continue;
        const group = dimensionGroup(value);
        groups.set(group, (groups.get(group) ?? 0) + count);
      }
    }
    return groups;
  }

  /** value -> how many times it was recorded, from a histogram whose dimension values end in `/<value>`. */
  histogram(indicator: string, months: readonly string[], dimension?: string | null): Map<number, number> {
    const counts = new Map<number, number>();
    const byMonth = this.cells.get(indicator);
    for (const month of months) {
      for (const [value, count] of byMonth?.get(month) ?? []) {
        if (!dimensionMatches(value, dimension)) continue;
        const recorded = Number(value.slice(value.lastIndexOf('/') + 1));
        if (Number.isFinite(recorded)) counts.set(recorded, (counts.get(recorded) ?? 0) + count);
      }
    }
    return counts;
  }

  /** The dimension groups that had counts before the first month read: what a STOCK may still hold. */
  openingGroups(indicator: string, dimension?: string | null): string[] {
    return [...(this.openings.get(indicator)?.keys() ?? [])]
      .filter((value) => dimensionMatches(value, dimension))
      .map(dimensionGroup);
  }

  /** What the indicator summed to, over the matching dimension values, before the first month read. */
  opening(indicator: string, dimension?: string | null): number {
    let total = 0;
    for (const [value, count] of this.openings.get(indicator) ?? [])
      if (dimensionMatches(value, dimension)) total += count;
    return total;
  }
}

/** Percent with two decimals, or null over 0. */
export function percent(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 100;
}

/** The lower median of a histogram (a value that was recorded), or null when nothing was. */
export function histogramMedian(histogram: ReadonlyMap<number, number>): number | null {
  const total = [...histogram.values()].reduce((sum, count) => sum + count, 0);
  if (total <= 0) return null;
  const middle = Math.ceil(total / 2);
  let seen = 0;
  for (const value of [...histogram.keys()].sort((left, right) => left - right)) {
    seen += histogram.get(value)!;
    if (seen >= middle) return value;
  }
  return null;
}

/**
 * An indicator's figure over some months. `monthsToDate` are every month read from the first up to the
 * period's last (a STOCK stands at the period's end); the others use `months`.
 */
export function figure(
  definition: IndicatorDefinition,
  counts: RegionCounts,
  months: readonly string[],
  monthsToDate: readonly string[],
  dimension?: string | null,
): number | null {
  switch (definition.aggregation) {
    case 'RATIO':
      return percent(
        counts.sum(definition.numerator!, months, dimension),
        counts.sum(definition.denominator!, months, dimension),
      );
    case 'MEDIAN':
      return histogramMedian(counts.histogram(definition.histogram!, months, dimension));
    case 'STOCK':
      return counts.opening(definition.flow!, dimension) + counts.sum(definition.flow!, monthsToDate, dimension);
    default:
      return counts.sum(definition.code, months, dimension);
  }
}

/**
 * The figure of `period`, from counts read from the first month of period `readFrom` on: a STOCK stands
 * at the period's end, the others cover its months. Null before `readFrom`, where nothing was read.
 */
export function periodFigure(
  definition: IndicatorDefinition,
  counts: RegionCounts,
  granularity: PeriodGranularity,
  readFrom: number,
  period: number,
  dimension?: string | null,
): number | null {
  if (period < readFrom) return null;
  return figure(
    definition,
    counts,
    monthsBetween(granularity, period, period),
    monthsBetween(granularity, readFrom, period),
    dimension,
  );
}

/** Change from `before` to `after` in percent (同比 / 环比), or null when there is no base to compare with. */
export function changePercent(after: number | null, before: number | null): number | null {
  if (after === null || before === null || before === 0) return null;
  return Math.round(((after - before) / Math.abs(before)) * 10_000) / 100;
}
