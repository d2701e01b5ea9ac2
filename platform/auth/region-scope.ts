import { Like, type FindOperator, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { NATIONAL_REGION_CODE, regionScopePrefix, regionWithin } from '../codes/region-code';
import { unauthenticated } from '../errors/domain-error';
import type { Identity } from './identity';

/**
 * Where a caller may read and act: their token's region and every region under it (a province covers
 * its prefectures and counties; 000000 covers the country). Applied in the SQL each subgraph runs, so a
 * record outside the scope is never loaded and looks exactly like one that does not exist.
 */
export interface RegionScope {
  /** The caller's region code. */
  region: string;
  /** `LIKE '<prefix>%'` selects the regions in scope; '' for national scope. */
  prefix: string;
  national: boolean;
}

export function regionScopeOf(identity: Identity | null): RegionScope {
  if (!identity) throw unauthenticated('Sign in to use the single window');
  return {
    region: identity.region,
    prefix: regionScopePrefix(identity.region),
    national: identity.region === NATIONAL_REGION_CODE,
  };
}

/** True when the region lies within the scope. */
export function inScope(scope: RegionScope, regionCode: string): boolean {
  return regionWithin(regionCode, scope.region);
}

/**
 * The prefix to filter by when a caller asks for `requested` (a region filter argument): the narrower of
 * the two when one lies within the other, or null when they do not overlap (the answer is empty).
 */
export function narrowedPrefix(scope: RegionScope, requested: string | null): string | null {
  if (requested === null) return scope.prefix;
  const requestedPrefix = regionScopePrefix(requested);
  if (requestedPrefix.startsWith(scope.prefix)) return requestedPrefix;
  if (scope.prefix.startsWith(requestedPrefix)) return scope.prefix;
  return null;
}

/**
 * A FindOptions fragment limiting `column` (a property name) to the prefix, to spread into a `where`:
 * `{ number, ...withinPrefix('regionCode', prefix) }`. National scope adds nothing (TypeORM refuses
 * `undefined` conditions, rightly: a dropped condition would widen a query silently).
 */
export function withinPrefix<TKey extends string>(
  column: TKey,
  prefix: string,
): Partial<Record<TKey, FindOperator<string>>> {
  return prefix === '' ? {} : ({ [column]: Like(`${prefix}%`) } as Record<TKey, FindOperator<string>>);
}

/**
 * Adds the scope to a query builder: `<column> LIKE 'prefix%'`, or, with `sharedWith`, also the records
 * explicitly shared with a region in scope (a subquery returning ids, e.g. from a share table).
 */
export function whereInScope<TEntity extends ObjectLiteral>(
  query: SelectQueryBuilder<TEntity>,
  column: string,
  prefix: string,
  sharedWith?: { idColumn: string; subquery: (parameter: string) => string },
): SelectQueryBuilder<TEntity> {
  if (prefix === '') return query;
  const parameter = `scope_${column.replace(/\W/g, '_')}`;
  const condition = sharedWith
    ? `(${column} LIKE :${parameter} OR ${sharedWith.idColumn} IN (${sharedWith.subquery(parameter)}))`
    : `${column} LIKE :${parameter}`;
  return query.andWhere(condition, { [parameter]: `${prefix}%` });
}

/** The whole country: for the system's own work (demo seeding, event handlers), never for a caller. */
export const SYSTEM_SCOPE: RegionScope = { region: NATIONAL_REGION_CODE, prefix: '', national: true };
