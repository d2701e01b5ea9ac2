import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** When statistics was told a hidden hazard's deadline passed unrectified (the overdue sweep's mark). */
export class HazardOverduePublished1766610100000 implements MigrationInterface {
  name = 'HazardOverduePublished1766610100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'hidden_hazard',
      new TableColumn({ name: 'overdue_published_at', type: 'datetime', isNullable: true }),
    );
    await queryRunner.createIndex(
      'hidden_hazard',
      new TableIndex({ name: 'ix_hidden_hazard_overdue_sweep', columnNames: ['overdue_published_at', 'deadline'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('hidden_hazard', 'ix_hidden_hazard_overdue_sweep');
    await queryRunner.dropColumn('hidden_hazard', 'overdue_published_at');
  }
}
