import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

// Multi-row INSERTs for hot paths, built here instead of by TypeORM's InsertQueryBuilder, whose parameter
// bookkeeping grows with the square of the values (a 500-row batch of 7 columns spent most of its time
// there). Values are converted exactly as TypeORM would (the driver's `preparePersistentValue`, column
// transformers first), so rows written here read back and compare like any other.

export interface BulkInsertOptions<TEntity> {
  /** Skip rows whose key exists (MySQL INSERT IGNORE, SQLite INSERT OR IGNORE). */
  ignoreDuplicates?: boolean;
  /** On a duplicate key, overwrite these properties with the new row's values (an upsert). */
  updateOnDuplicate?: ReadonlyArray<keyof TEntity & string>;
  /** On a duplicate key, add the new row's values of these (numeric) properties to the stored ones: a counter. */
  addOnDuplicate?: ReadonlyArray<keyof TEntity & string>;
  /** The unique key a duplicate is detected on, when not the primary key (SQLite names it; MySQL takes any). */
  conflictKey?: ReadonlyArray<keyof TEntity & string>;
}

/** Rows per statement: 500 rows of 14 columns stay well inside both databases' placeholder limits. */
const ROWS_PER_STATEMENT = 500;

export async function bulkInsert<TEntity extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<TEntity>,
  rows: ReadonlyArray<Partial<TEntity>>,
  options: BulkInsertOptions<TEntity> = {},
): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  const mysql = manager.connection.options.type === 'mysql';
  const escape = (name: string) => driver.escape(name);
  const columns = metadata.columns.filter((column) => rows.some((row) => column.propertyName in row));
  const table = escape(metadata.tableName);
  const names = columns.map((column) => escape(column.databaseName)).join(', ');
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  let suffix = '';
  const columnName = (property: string) => escape(metadata.findColumnWithPropertyName(property)!.databaseName);
  const assignments = [
    ...(options.updateOnDuplicate ?? []).map(columnName).map((name) => ({ name, add: false })),
    ...(options.addOnDuplicate ?? []).map(columnName).map((name) => ({ name, add: true })),
  ];
  if (assignments.length > 0) {
    const keys = (
      options.conflictKey?.map(columnName) ?? metadata.primaryColumns.map((column) => escape(column.databaseName))
    ).join(', ');
    const newValue = (name: string) => (mysql ? `VALUES(${name})` : `excluded.${name}`);
    const set = assignments
      .map(({ name, add }) => `${name} = ${add ? `${name} + ${newValue(name)}` : newValue(name)}`)
      .join(', ');
    suffix = mysql ? ` ON DUPLICATE KEY UPDATE ${set}` : ` ON CONFLICT (${keys}) DO UPDATE SET ${set}`;
  }
  const verb = options.ignoreDuplicates ? (mysql ? 'INSERT IGNORE INTO' : 'INSERT OR IGNORE INTO') : 'INSERT INTO';
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const parameters: unknown[] = [];
    for (const row of chunk) {
      for (const column of columns) {
        // Untransformed: preparePersistentValue applies the column transformer itself.
        const value: unknown = column.getEntityValue(row, false);
        parameters.push(value === undefined ? null : driver.preparePersistentValue(value, column));
      }
    }
    await manager.query(`${verb} ${table} (${names}) VALUES ${chunk.map(() => tuple).join(', ')}${suffix}`, parameters);
  }
}
