import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * When an application's decision deadline was announced as passed (permit-application.overdue, counted by
 * statistics): each application is announced once. Rows from before stay NULL and are announced by the
 * first sweep if they are still undecided past their deadline.
 */
export class ApplicationOverdueAnnounced1766600000000 implements MigrationInterface {
  name = 'ApplicationOverdueAnnounced1766600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'permit_application',
      new TableColumn({ name: 'overdue_announced_at', type: 'datetime', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('permit_application', 'overdue_announced_at');
  }
}
