import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Electronic certificates of permits: the stated fields, the key and algorithm, and the signature
 * over their canonical encoding. Rows are inserted once and never updated.
 */
export class PermitCertificate1764200000000 implements MigrationInterface {
  name = 'PermitCertificate1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'permit_certificate',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'certificate_id', type: 'varchar', length: '40' },
          { name: 'permit_number', type: 'varchar', length: '32' },
          { name: 'permit_kind', type: 'varchar', length: '40' },
          { name: 'scope', type: 'varchar', length: '500' },
          { name: 'holder_credit_code', type: 'varchar', length: '18' },
          { name: 'holder_name', type: 'varchar', length: '200' },
          { name: 'permit_region_code', type: 'varchar', length: '6' },
          { name: 'valid_from', type: 'date' },
          { name: 'valid_until', type: 'date' },
          { name: 'authority_name', type: 'varchar', length: '100' },
          { name: 'authority_region_code', type: 'varchar', length: '6' },
          { name: 'issued_at', type: 'varchar', length: '24' },
          { name: 'key_id', type: 'varchar', length: '64' },
          { name: 'algorithm', type: 'varchar', length: '32' },
          { name: 'signature', type: 'varchar', length: '128' },
        ],
        indices: [
          new TableIndex({ name: 'uq_certificate_id', columnNames: ['certificate_id'], isUnique: true }),
          new TableIndex({ name: 'ix_certificate_permit', columnNames: ['permit_number'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('permit_certificate');
  }
}
