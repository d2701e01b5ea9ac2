import type { EventType } from '../../../platform/outbox/domain-event';

/** The department whose events feed an indicator. */
export type IndicatorDepartment = 'licensing' | 'enforcement' | 'credit' | 'safety';

/** What a value is measured in; the console shows the Chinese unit beside every figure. */
export type IndicatorUnit =
  /** 件 / 个: a count of things. */
  | 'COUNT'
  /** 分: money in fen (1/100 yuan), so sums stay exact. */
  | 'FEN'
  /** %: a ratio of two counted indicators, times 100. */
  | 'PERCENT'
  /** 工作日: working days (法定工作日), weekends and public holidays left out. */
  | 'WORKING_DAYS'
  /** 车日: vehicle-days, one vehicle monitored (or online) on one day. */
  | 'VEHICLE_DAYS';

/**
 * How a region's figure for a period is made from the monthly counts:
 * - SUM: the counts added up (over months, regions and, unless one is asked for, every dimension value);
 * - RATIO: `numerator` summed over `denominator` summed, times 100; no figure when the denominator is 0;
 * - MEDIAN: the median of the values recorded by `histogram`, a SUM indicator whose dimension ends in the
 *   value (`<dimension>/<value>`), so the median of any region and period is exact, never a median of medians;
 * - STOCK: what stands at the end of the period, the running total of `flow` (a SUM of +1 and -1 changes)
 *   from the first month ever counted.
 */
export type IndicatorAggregation = 'SUM' | 'RATIO' | 'MEDIAN' | 'STOCK';

/** A breakdown other than by region that an indicator's counts carry (by permit kind, station, hazard class…). */
export interface IndicatorDimension {
  code: string;
  name: string;
  nameEn: string;
}

/**
 * One statistical indicator (统计指标), defined once: what it counts, from which events, under which region.
 * The catalogue is what the API lists (`indicators`), what the counting checks its facts against, and
 * what an export writes in its header rows.
 */
export interface IndicatorDefinition {
  /** Stable code, UPPER_SNAKE; the GraphQL enum value. */
  code: string;
  /** Chinese name, as a report's column heading. */
  name: string;
  nameEn: string;
  unit: IndicatorUnit;
  /** What it counts and how, in Chinese and English. */
  description: string;
  department: IndicatorDepartment;
  /** The events it is counted from (for RATIO, MEDIAN and STOCK: those of the indicators it is made of). */
  sourceEvents: readonly EventType[];
  /** Which region and which month an event is counted under, in Chinese and English. */
  regionRule: string;
  aggregation: IndicatorAggregation;
  dimension?: IndicatorDimension;
  /** RATIO only. */
  numerator?: string;
  denominator?: string;
  /** MEDIAN only. */
  histogram?: string;
  /** STOCK only. */
  flow?: string;
}
