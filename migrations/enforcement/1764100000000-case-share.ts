import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Explicit sharing of a case with another region (read-only there). At most one active share per case
 * and region is enforced by the service under a lock on the case row: neither MySQL nor MariaDB has a
 * partial unique index for `revoked_at IS NULL`, so the (case, region) index stays a plain one.
 */
export class CaseShare1764100000000 implements MigrationInterface {
  name = 'CaseShare1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'case_share',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'case_id', type: 'int' },
          { name: 'region_code', type: 'varchar', length: '6' },
          { name: 'reason', type: 'varchar', length: '500' },
          { name: 'shared_by', type: 'varchar', length: '100' },
          { name: 'shared_at', type: 'datetime' },
          { name: 'revoked_by', type: 'varchar', length: '100', isNullable: true },
          { name: 'revoked_at', type: 'datetime', isNullable: true },
        ],
        indices: [
          // Leads with case_id, so it also serves the foreign key and the per-case lookups.
          new TableIndex({ name: 'ix_case_share_case_region', columnNames: ['case_id', 'region_code'] }),
          // The visibility subquery: `region_code LIKE '<prefix>%'`.
          new TableIndex({ name: 'ix_case_share_region', columnNames: ['region_code'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_case_share_case',
            columnNames: ['case_id'],
            referencedTableName: 'enforcement_case',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('case_share');
  }
}
