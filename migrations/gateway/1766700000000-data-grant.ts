import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Partner clients' grants of catalogue items (gateway/exchange/grants/data-grant.entity.ts). */
export class DataGrant1766700000000 implements MigrationInterface {
  name = 'DataGrant1766700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'data_grant',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'client_id', type: 'varchar', length: '64' },
          { name: 'coordinate', type: 'varchar', length: '160' },
          { name: 'department', type: 'varchar', length: '32' },
          { name: 'category', type: 'varchar', length: '32' },
          { name: 'purposes', type: 'varchar', length: '400' },
          { name: 'request_id', type: 'int', isNullable: true },
          { name: 'granted_by', type: 'varchar', length: '128' },
          { name: 'granted_at', type: 'datetime' },
          { name: 'expires_at', type: 'datetime', isNullable: true },
          { name: 'revoked_at', type: 'datetime', isNullable: true },
          { name: 'revoked_by', type: 'varchar', length: '128', isNullable: true },
          { name: 'revoke_reason', type: 'varchar', length: '1000', isNullable: true },
        ],
        indices: [new TableIndex({ name: 'ix_data_grant_client', columnNames: ['client_id', 'coordinate'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('data_grant');
  }
}
