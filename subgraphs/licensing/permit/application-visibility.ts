import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { whereInScope, type RegionScope } from '../../../platform/auth/region-scope';
import { RouteSegment } from './route-segment.entity';

/**
 * Adds to a query that has the application under the alias `application` who may see it: the regions
 * in the caller's scope see applications handled there, and the provinces on a cross-province route
 * (并联许可) see that application too (explicit sharing through its route segments), all in SQL.
 */
export function whereApplicationVisible<TEntity extends ObjectLiteral>(
  dataSource: DataSource,
  query: SelectQueryBuilder<TEntity>,
  scope: RegionScope,
): SelectQueryBuilder<TEntity> {
  const escape = (name: string) => dataSource.driver.escape(name);
  const segments = escape(dataSource.getMetadata(RouteSegment).tablePath);
  return whereInScope(query, 'application.regionCode', scope.prefix, {
    idColumn: 'application.id',
    subquery: (parameter) =>
      `SELECT ${escape('application_id')} FROM ${segments} WHERE ${escape('province_code')} LIKE :${parameter}`,
  });
}
