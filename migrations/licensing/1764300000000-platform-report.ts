import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * National platform links: the investment project code a highway construction application carries, and
 * the outbox of decision reports to the investment project approval platform (办理结果回传).
 */
export class PlatformReport1764300000000 implements MigrationInterface {
  name = 'PlatformReport1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'permit_application',
      new TableColumn({ name: 'investment_project_code', type: 'varchar', length: '24', isNullable: true }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'platform_report',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'application_number', type: 'varchar', length: '32' },
          { name: 'project_code', type: 'varchar', length: '24' },
          { name: 'decision', type: 'varchar', length: '16' },
          { name: 'region_code', type: 'varchar', length: '6' },
          { name: 'payload', type: 'text' },
          { name: 'enqueued_at', type: 'datetime' },
          { name: 'attempts', type: 'int', default: 0 },
          { name: 'last_attempt_at', type: 'datetime', isNullable: true },
          { name: 'next_attempt_at', type: 'datetime', isNullable: true },
          { name: 'last_error', type: 'varchar', length: '500', isNullable: true },
          { name: 'delivered_at', type: 'datetime', isNullable: true },
          { name: 'receipt_number', type: 'varchar', length: '64', isNullable: true },
        ],
        indices: [
          // One report per application: a second enqueue of the same application is ignored.
          new TableIndex({
            name: 'uq_platform_report_application',
            columnNames: ['application_number'],
            isUnique: true,
          }),
          // The relay's poll: undelivered and due.
          new TableIndex({ name: 'ix_platform_report_pending', columnNames: ['delivered_at', 'next_attempt_at'] }),
          // Officers' lists: `region_code LIKE '<prefix>%'`.
          new TableIndex({ name: 'ix_platform_report_region', columnNames: ['region_code'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('platform_report');
    await queryRunner.dropColumn('permit_application', 'investment_project_code');
  }
}
