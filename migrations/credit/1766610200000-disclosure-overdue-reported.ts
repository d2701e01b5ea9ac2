import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * When statistics was told a disclosure missed its publication deadline unpublished (逾期未公示). The
 * sweep reads through ix_credit_disclosure_publication (published_at, publish_by).
 */
export class DisclosureOverdueReported1766610200000 implements MigrationInterface {
  name = 'DisclosureOverdueReported1766610200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'credit_disclosure',
      new TableColumn({ name: 'overdue_reported_at', type: 'datetime', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('credit_disclosure', 'overdue_reported_at');
  }
}
