import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createInboxTableV1, createOutboxTableV1 } from '../../platform/outbox/messaging-tables';

export class InitialStatistics1764000000000 implements MigrationInterface {
  name = 'InitialStatistics1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'region_month_count',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'region_code', type: 'varchar', length: '6' },
          { name: 'month', type: 'varchar', length: '7' },
          { name: 'indicator', type: 'varchar', length: '32' },
          { name: 'value', type: 'bigint' },
        ],
        indices: [
          // The counters' natural key: the event handlers' UPDATE and a region's overview (prefix range).
          new TableIndex({
            name: 'uq_region_month_count',
            columnNames: ['region_code', 'month', 'indicator'],
            isUnique: true,
          }),
          // A monthly series of one indicator.
          new TableIndex({ name: 'ix_region_month_count_series', columnNames: ['indicator', 'month', 'region_code'] }),
          // The national overview of a year.
          new TableIndex({ name: 'ix_region_month_count_month', columnNames: ['month'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'enterprise_year_activity',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'credit_code', type: 'varchar', length: '18' },
          { name: 'year', type: 'int' },
          { name: 'permits_issued', type: 'int', default: 0 },
          { name: 'cases_opened', type: 'int', default: 0 },
          { name: 'cases_decided', type: 'int', default: 0 },
          { name: 'fines_fen', type: 'bigint', default: 0 },
          { name: 'waybills_created', type: 'int', default: 0 },
        ],
        indices: [
          // The handlers' UPDATE and the summary loader (credit_code IN (...) AND year = ?).
          new TableIndex({ name: 'uq_enterprise_year_activity', columnNames: ['credit_code', 'year'], isUnique: true }),
        ],
      }),
    );
    await createOutboxTableV1(queryRunner);
    await createInboxTableV1(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['inbox_event', 'outbox_message', 'enterprise_year_activity', 'region_month_count']) {
      await queryRunner.dropTable(table);
    }
  }
}
