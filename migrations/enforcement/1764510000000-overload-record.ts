import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Weigh-station detection records (治超联网) and the draft cases they open. The unique station key makes
 * a resubmitted record a duplicate; `overload_case` holds what a later record needs to join a draft.
 */
export class OverloadRecord1764510000000 implements MigrationInterface {
  name = 'OverloadRecord1764510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'overload_case',
        columns: [
          { name: 'case_id', type: 'int', isPrimary: true },
          { name: 'plate_number', type: 'varchar', length: '8' },
          { name: 'region_code', type: 'varchar', length: '6' },
          { name: 'opened_by_detection_at', type: 'datetime' },
        ],
        indices: [
          // The join lookup: open drafts of these plates whose opening record lies within the window.
          new TableIndex({
            name: 'ix_overload_case_join',
            columnNames: ['plate_number', 'region_code', 'opened_by_detection_at'],
          }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_overload_case_case',
            columnNames: ['case_id'],
            referencedTableName: 'enforcement_case',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'overload_record',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'station_code', type: 'varchar', length: '10' },
          { name: 'station_record_id', type: 'varchar', length: '64' },
          { name: 'region_code', type: 'varchar', length: '6' },
          { name: 'detected_at', type: 'datetime' },
          { name: 'plate_number', type: 'varchar', length: '8' },
          { name: 'axle_count', type: 'int' },
          { name: 'gross_weight_kg', type: 'int' },
          { name: 'limit_kg', type: 'int' },
          { name: 'overloaded', type: 'boolean' },
          { name: 'owner_credit_code', type: 'varchar', length: '18', isNullable: true },
          { name: 'case_id', type: 'int', isNullable: true },
          { name: 'submitted_by', type: 'varchar', length: '100' },
          { name: 'submitted_at', type: 'datetime' },
        ],
        indices: [
          // Dedupe: one record per station and station-side id.
          new TableIndex({
            name: 'uq_overload_record_station_record',
            columnNames: ['station_code', 'station_record_id'],
            isUnique: true,
          }),
          new TableIndex({ name: 'ix_overload_record_plate', columnNames: ['plate_number'] }),
          new TableIndex({ name: 'ix_overload_record_region', columnNames: ['region_code'] }),
          new TableIndex({ name: 'ix_overload_record_case', columnNames: ['case_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_overload_record_case',
            columnNames: ['case_id'],
            referencedTableName: 'enforcement_case',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('overload_record');
    await queryRunner.dropTable('overload_case');
  }
}
