import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Credit repair (信用修复): applications with their decision, their documents' SM3 digests and storage
 * references (the bytes are in the platform's file store), and the time a repair took a credit record out
 * of the score.
 */
export class CreditRepair1765310000000 implements MigrationInterface {
  name = 'CreditRepair1765310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'credit_record',
      new TableColumn({ name: 'repaired_at', type: 'datetime', isNullable: true }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'credit_repair_application',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'disclosure_id', type: 'int' },
          // The disclosure while the application is pending, NULL once decided: one open application each.
          { name: 'open_disclosure_id', type: 'int', isNullable: true },
          { name: 'credit_code', type: 'varchar', length: '18' },
          { name: 'document_number', type: 'varchar', length: '64' },
          { name: 'authority_code', type: 'varchar', length: '6' },
          { name: 'state', type: 'varchar', length: '16' },
          { name: 'version', type: 'int', default: 1 },
          { name: 'penalty_executed', type: 'boolean' },
          { name: 'execution_statement', type: 'text' },
          { name: 'filed_by', type: 'varchar', length: '100' },
          { name: 'filed_at', type: 'datetime' },
          { name: 'decided_by', type: 'varchar', length: '100', isNullable: true },
          { name: 'decided_at', type: 'datetime', isNullable: true },
          { name: 'decision_reason', type: 'text', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'uq_credit_repair_open', columnNames: ['open_disclosure_id'], isUnique: true }),
          new TableIndex({ name: 'ix_credit_repair_region_state', columnNames: ['authority_code', 'state'] }),
          new TableIndex({ name: 'ix_credit_repair_disclosure', columnNames: ['disclosure_id'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'credit_repair_attachment',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'application_id', type: 'int' },
          { name: 'kind', type: 'varchar', length: '32' },
          { name: 'file_name', type: 'text' },
          { name: 'size_bytes', type: 'int' },
          { name: 'sm3_digest', type: 'varchar', length: '64' },
          { name: 'storage_reference', type: 'varchar', length: '300' },
          { name: 'uploaded_at', type: 'datetime' },
        ],
        indices: [new TableIndex({ name: 'ix_credit_repair_attachment_application', columnNames: ['application_id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('credit_repair_attachment');
    await queryRunner.dropTable('credit_repair_application');
    await queryRunner.dropColumn('credit_record', 'repaired_at');
  }
}
