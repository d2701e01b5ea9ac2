import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Early-warning thresholds (预警阈值) analysts set per indicator and region (warning_threshold). */
export class WarningThresholds1766630000000 implements MigrationInterface {
  name = 'WarningThresholds1766630000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'warning_threshold',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'indicator', type: 'varchar', length: '48' },
          { name: 'region_code', type: 'varchar', length: '6' },
          { name: 'comparison', type: 'varchar', length: '32' },
          { name: 'threshold', type: 'double' },
          { name: 'granularity', type: 'varchar', length: '8' },
          { name: 'reach', type: 'varchar', length: '24' },
          { name: 'enabled', type: 'boolean' },
          { name: 'created_by', type: 'varchar', length: '100' },
          { name: 'created_at', type: 'datetime' },
          { name: 'updated_by', type: 'varchar', length: '100' },
          { name: 'updated_at', type: 'datetime' },
          { name: 'version', type: 'int' },
        ],
        indices: [
          // One threshold per indicator, region, comparison and granularity; also how a region's are found.
          new TableIndex({
            name: 'uq_warning_threshold',
            columnNames: ['indicator', 'region_code', 'comparison', 'granularity'],
            isUnique: true,
          }),
          new TableIndex({ name: 'ix_warning_threshold_region', columnNames: ['region_code'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('warning_threshold');
  }
}
