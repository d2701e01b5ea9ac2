import { Table, type QueryRunner } from 'typeorm';

// Frozen: departments' migrations call these. A later change is a new migration, never an edit here.

/** The department's keys (wrapped by the master key) and the progress of its re-encryption passes. */
export async function createPersonalInformationKeyTablesV1(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.createTable(
    new Table({
      name: 'personal_information_key',
      columns: [
        { name: 'id', type: 'varchar', length: '40', isPrimary: true },
        { name: 'purpose', type: 'varchar', length: '8' },
        // Null once the key is retired: no value uses it any more and its secret is erased.
        { name: 'wrapped_key', type: 'varchar', length: '200', isNullable: true },
        { name: 'master_key_id', type: 'varchar', length: '40' },
        { name: 'generation', type: 'int' },
        { name: 'created_at', type: 'datetime' },
        { name: 'retired_at', type: 'datetime', isNullable: true },
      ],
    }),
  );
  await queryRunner.createTable(
    new Table({
      name: 'personal_information_job',
      columns: [
        { name: 'table_name', type: 'varchar', length: '64', isPrimary: true },
        { name: 'target_key_id', type: 'varchar', length: '40', isPrimary: true },
        { name: 'last_id', type: 'bigint' },
        { name: 'rows_rewritten', type: 'bigint' },
        { name: 'started_at', type: 'datetime' },
        { name: 'finished_at', type: 'datetime', isNullable: true },
      ],
    }),
  );
}

/**
 * Makes a column wide enough for its envelope (MySQL; SQLite does not enforce lengths) and, when the value is
 * looked up, adds its blind-index column with an index.
 */
export async function encryptColumnV1(
  queryRunner: QueryRunner,
  table: string,
  column: string,
  length: number,
  blindIndex?: { column: string; index: string },
): Promise<void> {
  if (queryRunner.connection.options.type === 'mysql') {
    const current = await queryRunner.getTable(table);
    const nullable = current?.findColumnByName(column)?.isNullable ?? true;
    await queryRunner.query(
      `ALTER TABLE \`${table}\` MODIFY \`${column}\` varchar(${length}) ${nullable ? 'NULL' : 'NOT NULL'}`,
    );
  }
  if (!blindIndex) return;
  // Plain ALTER TABLE ... ADD COLUMN, which both databases have: TypeORM's addColumn rebuilds an SQLite table,
  // which fails on a table others refer to.
  await queryRunner.query(`ALTER TABLE \`${table}\` ADD COLUMN \`${blindIndex.column}\` varchar(64) NULL`);
  await queryRunner.query(`CREATE INDEX \`${blindIndex.index}\` ON \`${table}\` (\`${blindIndex.column}\`)`);
}

/** MySQL's DROP INDEX names the table; SQLite's does not. */
export function onTable(queryRunner: QueryRunner, table: string): string {
  return queryRunner.connection.options.type === 'mysql' ? ` ON \`${table}\`` : '';
}

/**
 * Free-text columns, stored encrypted when a value holds personal information, become TEXT on MySQL (an
 * envelope is about 4/3 of three bytes per character; many wide varchars would pass MySQL's row size).
 */
export async function freeTextColumnsV1(queryRunner: QueryRunner, columns: ReadonlyArray<readonly [string, string]>) {
  if (queryRunner.connection.options.type !== 'mysql') return;
  for (const [table, column] of columns) {
    const current = await queryRunner.getTable(table);
    const nullable = current?.findColumnByName(column)?.isNullable ?? true;
    await queryRunner.query(`ALTER TABLE \`${table}\` MODIFY \`${column}\` text ${nullable ? 'NULL' : 'NOT NULL'}`);
  }
}
