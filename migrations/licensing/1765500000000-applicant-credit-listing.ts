import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Licensing's copy of credit's list entries, for joint discipline (联合惩戒) at approval. */
export class ApplicantCreditListing1765500000000 implements MigrationInterface {
  name = 'ApplicantCreditListing1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'applicant_credit_listing',
        columns: [
          { name: 'entry_id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'version', type: 'integer' },
          { name: 'list', type: 'varchar', length: '32' },
          { name: 'credit_code', type: 'varchar', length: '18' },
          { name: 'listed', type: 'boolean' },
          { name: 'criterion', type: 'varchar', length: '64' },
          { name: 'started_at', type: 'datetime' },
          { name: 'planned_removal_at', type: 'datetime', isNullable: true },
          { name: 'removed_at', type: 'datetime', isNullable: true },
          { name: 'updated_at', type: 'datetime' },
        ],
        indices: [
          // "Is this applicant on a list now?" at every approval and in every application view.
          new TableIndex({ name: 'ix_applicant_credit_listing_subject', columnNames: ['credit_code', 'listed'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('applicant_credit_listing');
  }
}
