import DataLoader from 'dataloader';
import { In, type DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { toConnection, type Connection, type PageRequest } from '../graphql/connection';

export interface ChildPagesQuery<TEntity> {
  dataSource: DataSource;
  entity: EntityTarget<TEntity>;
  /** The column (database name) that points at the parent, e.g. `enterprise_credit_code`. */
  parentColumn: string;
  page: PageRequest;
  /**
   * Only children the caller may see: `<column> LIKE '<prefix>%'` (the caller's region scope), and
   * optionally those whose id a share subquery returns (`sharedIds` selects ids; each `?` in it is bound to the prefix).
   */
  scope?: { column: string; prefix: string; sharedIds?: string };
}

/**
 * Loads one page of children for many parents in two statements, however many parents and children
 * there are: window functions rank and count the children per parent, then the page rows are read by id.
 * Ordered newest first by id, like every list here.
 */
export function childPagesLoader<TEntity extends ObjectLiteral & { id: number }>(
  query: ChildPagesQuery<TEntity>,
): DataLoader<string, Connection<TEntity>> {
  return new DataLoader<string, Connection<TEntity>>(async (parentKeys) => {
    const { dataSource, page } = query;
    const metadata = dataSource.getMetadata(query.entity);
    const table = metadata.tablePath;
    const escape = (name: string) => dataSource.driver.escape(name);
    const parent = escape(query.parentColumn);
    const id = escape('id');
    const placeholders = parentKeys.map(() => '?').join(', ');
    const scope = query.scope && query.scope.prefix !== '' ? query.scope : null;
    const scopeCondition = scope
      ? scope.sharedIds
        ? ` AND (${escape(scope.column)} LIKE ? OR ${id} IN (${scope.sharedIds}))`
        : ` AND ${escape(scope.column)} LIKE ?`
      : '';
    const sharedPlaceholders = scope?.sharedIds ? (scope.sharedIds.match(/\?/g) ?? []).length : 0;
    const scopeParameters = scope ? Array.from({ length: 1 + sharedPlaceholders }, () => `${scope.prefix}%`) : [];
    // Rows after the cursor get their own partition, so row numbers count from the cursor on.
    const afterCondition = page.afterId === null ? '1 = 1' : `${id} < ?`;
    const sql = `
      SELECT ranked.child_id AS child_id, ranked.parent_key AS parent_key, ranked.total AS total, ranked.position AS position
      FROM (
        SELECT ${id} AS child_id, ${parent} AS parent_key,
               COUNT(*) OVER (PARTITION BY ${parent}) AS total,
               ROW_NUMBER() OVER (PARTITION BY ${parent}, CASE WHEN ${afterCondition} THEN 1 ELSE 0 END ORDER BY ${id} DESC) AS position,
               CASE WHEN ${afterCondition} THEN 1 ELSE 0 END AS in_page
        FROM ${escape(table)}
        WHERE ${parent} IN (${placeholders})${scopeCondition}
      ) ranked
      WHERE ranked.in_page = 1 AND ranked.position <= ?`;
    const afterParameters = page.afterId === null ? [] : [page.afterId, page.afterId];
    const ranked: Array<{ child_id: number | string; parent_key: string | number; total: number | string }> =
      await dataSource.query(sql, [...afterParameters, ...parentKeys, ...scopeParameters, page.limit + 1]);
    const totals = new Map<string, number>();
    const idsByParent = new Map<string, number[]>();
    for (const row of ranked) {
      // Keys are strings; an integer parent column (a case id) comes back as a number.
      const parentKey = String(row.parent_key);
      totals.set(parentKey, Number(row.total));
      const ids = idsByParent.get(parentKey) ?? [];
      ids.push(Number(row.child_id));
      idsByParent.set(parentKey, ids);
    }
    const allIds = ranked.map((row) => Number(row.child_id));
    const children =
      allIds.length === 0 ? [] : await dataSource.getRepository(query.entity).findBy({ id: In(allIds) } as never);
    const childById = new Map(children.map((child) => [Number(child.id), child]));
    // A parent whose rows all precede the cursor has no ranked rows; its total needs the count query.
    const missingTotals = parentKeys.filter((key) => !totals.has(key));
    if (page.afterId !== null && missingTotals.length > 0) {
      const counted: Array<{ parent_key: string | number; total: number | string }> = await dataSource.query(
        `SELECT ${parent} AS parent_key, COUNT(*) AS total FROM ${escape(table)} WHERE ${parent} IN (${missingTotals.map(() => '?').join(', ')})${scopeCondition} GROUP BY ${parent}`,
        [...missingTotals, ...scopeParameters],
      );
      for (const row of counted) totals.set(String(row.parent_key), Number(row.total));
    }
    return parentKeys.map((key) => {
      const rows = (idsByParent.get(key) ?? [])
        .sort((left, right) => right - left)
        .map((childId) => childById.get(childId))
        .filter((child): child is TEntity => child !== undefined);
      return toConnection(rows, totals.get(key) ?? 0, page);
    });
  });
}
