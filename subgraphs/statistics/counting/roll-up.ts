import {
  NATIONAL_REGION_CODE,
  regionAncestry,
  regionCodeProblem,
  regionCodes,
} from '../../../platform/codes/region-code';
import { chinaMonth } from '../../../platform/time/china-time';
import { INDICATOR_CATALOGUE, indicatorDefinition } from '../catalogue/indicator-catalogue';
import type { CountedFact } from './counted-fact';

/** One row to add to `indicator_count` (or to a rebuild of it). */
export interface CountRow {
  indicator: string;
  regionCode: string;
  month: string;
  dimension: string;
  value: number;
}

/** The regions a count at `regionCode` is added to: itself, each region above it, and the country. */
export function rollUpRegions(regionCode: string): string[] {
  if (regionCode === NATIONAL_REGION_CODE) return [NATIONAL_REGION_CODE];
  return [...regionAncestry(regionCode), NATIONAL_REGION_CODE];
}

/** The region directly above `regionCode` in the roll-up, or null for the country. */
export function parentRegion(regionCode: string): string | null {
  if (regionCode === NATIONAL_REGION_CODE) return null;
  return regionAncestry(regionCode)[1] ?? NATIONAL_REGION_CODE;
}

const STOCK_FLOWS = new Set(INDICATOR_CATALOGUE.flatMap((definition) => (definition.flow ? [definition.flow] : [])));

function isStockFlow(indicator: string): boolean {
  return STOCK_FLOWS.has(indicator);
}

/** Why a fact cannot be counted, or null when it can. */
export function factProblem(fact: CountedFact): string | null {
  const definition = indicatorDefinition(fact.indicator);
  if (!definition) return `indicator ${String(fact.indicator)} is not in the catalogue`;
  if (definition.aggregation !== 'SUM') return `indicator ${fact.indicator} is ${definition.aggregation}, not counted`;
  if (typeof fact.regionCode !== 'string' || regionCodeProblem(fact.regionCode, { allowNational: true }) !== null)
    return 'region code is not a GB/T 2260 code';
  if (typeof fact.occurredAt !== 'string' || Number.isNaN(new Date(fact.occurredAt).getTime()))
    return 'time is not an ISO instant';
  if (fact.dimension !== undefined && (typeof fact.dimension !== 'string' || fact.dimension.length > 64))
    return 'dimension is not text of at most 64 characters';
  if (fact.amount !== undefined && !Number.isSafeInteger(fact.amount)) return 'amount is not a whole number';
  if ((fact.amount ?? 1) < 0 && !isStockFlow(fact.indicator))
    return 'amount is negative, and only the flow of a STOCK indicator goes down';
  return null;
}

function rowKey(row: Omit<CountRow, 'value'>): string {
  return `${row.indicator}\u0000${row.regionCode}\u0000${row.month}\u0000${row.dimension}`;
}

/**
 * Adds facts into `rows` (keyed by indicator, region, month and dimension), each at its region and every
 * region above. Zero amounts add nothing. The caller checks each fact with factProblem first.
 */
export function addRolledUp(rows: Map<string, CountRow>, facts: readonly CountedFact[]): void {
  for (const fact of facts) {
    const amount = fact.amount ?? 1;
    if (amount === 0) continue;
    const month = chinaMonth(new Date(fact.occurredAt));
    for (const regionCode of rollUpRegions(fact.regionCode)) {
      const key = { indicator: fact.indicator, regionCode, month, dimension: fact.dimension ?? '' };
      const id = rowKey(key);
      const row = rows.get(id);
      if (row) row.value += amount;
      else rows.set(id, { ...key, value: amount });
    }
  }
}

let childrenByParent: Map<string, string[]> | null = null;

/** The regions directly under `regionCode` in the roll-up, by code: what a breakdown shows. */
export function childRegions(regionCode: string): readonly string[] {
  if (!childrenByParent) {
    childrenByParent = new Map();
    for (const code of regionCodes()) {
      const parent = parentRegion(code)!;
      const children = childrenByParent.get(parent) ?? [];
      children.push(code);
      childrenByParent.set(parent, children);
    }
    for (const children of childrenByParent.values()) children.sort();
  }
  return childrenByParent.get(regionCode) ?? [];
}
