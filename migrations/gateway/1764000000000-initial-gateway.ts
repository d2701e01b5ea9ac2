import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

export class InitialGateway1764000000000 implements MigrationInterface {
  name = 'InitialGateway1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'audit_record',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'occurred_at', type: 'datetime' },
          { name: 'request_id', type: 'varchar', length: '36' },
          { name: 'subject', type: 'varchar', length: '64', isNullable: true },
          { name: 'username', type: 'varchar', length: '100', isNullable: true },
          { name: 'client_id', type: 'varchar', length: '100', isNullable: true },
          { name: 'roles', type: 'varchar', length: '1000' },
          { name: 'region', type: 'varchar', length: '6', isNullable: true },
          { name: 'purpose_code', type: 'varchar', length: '64', isNullable: true },
          { name: 'purpose_reason', type: 'varchar', length: '500', isNullable: true },
          { name: 'operation_name', type: 'varchar', length: '200', isNullable: true },
          { name: 'operation_type', type: 'varchar', length: '16', isNullable: true },
          { name: 'document_hash', type: 'varchar', length: '64', isNullable: true },
          { name: 'variables', type: 'text' },
          { name: 'entities', type: 'varchar', length: '1000' },
          { name: 'subgraphs', type: 'varchar', length: '200' },
          { name: 'outcome', type: 'varchar', length: '16' },
          { name: 'error_codes', type: 'varchar', length: '500' },
          { name: 'http_status', type: 'int' },
          { name: 'duration_ms', type: 'int' },
          { name: 'client_address', type: 'varchar', length: '64', isNullable: true },
          { name: 'previous_hash', type: 'varchar', length: '64' },
          { name: 'hash', type: 'varchar', length: '64' },
        ],
        indices: [
          new TableIndex({ name: 'ix_audit_occurred', columnNames: ['occurred_at'] }),
          new TableIndex({ name: 'ix_audit_subject', columnNames: ['subject', 'occurred_at'] }),
          new TableIndex({ name: 'ix_audit_client', columnNames: ['client_id', 'occurred_at'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_record');
  }
}
