import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Signed heads of the audit chain (gateway/audit/audit-signed-checkpoint.entity.ts); inserted, never updated. */
export class AuditSignedCheckpoint1764600000000 implements MigrationInterface {
  name = 'AuditSignedCheckpoint1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'audit_signed_checkpoint',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'head_record_id', type: 'int' },
          { name: 'head_hash', type: 'varchar', length: '64' },
          { name: 'signed_at', type: 'datetime' },
          { name: 'key_fingerprint', type: 'varchar', length: '64' },
          { name: 'algorithm', type: 'varchar', length: '16' },
          { name: 'signature', type: 'varchar', length: '128' },
        ],
        indices: [new TableIndex({ name: 'ix_audit_signed_head', columnNames: ['head_record_id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_signed_checkpoint');
  }
}
