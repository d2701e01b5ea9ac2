import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** indicator_count_rebuilt: the counts rebuilt from the event histories (statistics:replay), beside the live ones. */
export class IndicatorCountRebuilt1766640000000 implements MigrationInterface {
  name = 'IndicatorCountRebuilt1766640000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'indicator_count_rebuilt',
        columns: [
          { name: 'indicator', type: 'varchar', length: '48', isPrimary: true },
          { name: 'region_code', type: 'varchar', length: '6', isPrimary: true },
          { name: 'month', type: 'varchar', length: '7', isPrimary: true },
          { name: 'dimension', type: 'varchar', length: '64', isPrimary: true },
          { name: 'value', type: 'bigint' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('indicator_count_rebuilt');
  }
}
