import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Public disclosures of licences and penalties (双公示), and credit's copy of the registry's names. */
export class CreditDisclosure1765100000000 implements MigrationInterface {
  name = 'CreditDisclosure1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'credit_disclosure',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'kind', type: 'varchar', length: '32' },
          { name: 'counterpart_name', type: 'varchar', length: '200', isNullable: true },
          { name: 'credit_code', type: 'varchar', length: '18' },
          { name: 'document_number', type: 'varchar', length: '64' },
          { name: 'matter', type: 'varchar', length: '1000' },
          { name: 'legal_basis', type: 'varchar', length: '500' },
          { name: 'content', type: 'varchar', length: '1200' },
          { name: 'penalty_kind', type: 'varchar', length: '24', isNullable: true },
          { name: 'fine_fen', type: 'bigint', isNullable: true },
          { name: 'authority_name', type: 'varchar', length: '100' },
          { name: 'authority_code', type: 'varchar', length: '6' },
          { name: 'decided_at', type: 'datetime' },
          { name: 'valid_from', type: 'varchar', length: '10', isNullable: true },
          { name: 'valid_until', type: 'varchar', length: '10', isNullable: true },
          { name: 'publication_deadline', type: 'varchar', length: '10' },
          { name: 'publish_by', type: 'datetime' },
          { name: 'published_at', type: 'datetime', isNullable: true },
          { name: 'public_until', type: 'datetime' },
        ],
        indices: [
          // One disclosure per decision: a redelivered or republished decision finds its own.
          new TableIndex({
            name: 'uq_credit_disclosure_document',
            columnNames: ['kind', 'document_number'],
            isUnique: true,
          }),
          // creditDisclosures(creditCode) and creditDisclosures(name: prefix).
          new TableIndex({ name: 'ix_credit_disclosure_subject', columnNames: ['credit_code'] }),
          new TableIndex({ name: 'ix_credit_disclosure_name', columnNames: ['counterpart_name'] }),
          // The publication job (published_at IS NULL) and the overdue list.
          new TableIndex({ name: 'ix_credit_disclosure_publication', columnNames: ['published_at', 'publish_by'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'credit_subject_name',
        columns: [
          { name: 'credit_code', type: 'varchar', length: '18', isPrimary: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'updated_at', type: 'datetime' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('credit_subject_name');
    await queryRunner.dropTable('credit_disclosure');
  }
}
