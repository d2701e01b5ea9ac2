import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Partners' access requests and their items (gateway/exchange/requests/data-access-*.entity.ts). */
export class DataAccessRequest1766710000000 implements MigrationInterface {
  name = 'DataAccessRequest1766710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'data_access_request',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'client_id', type: 'varchar', length: '64' },
          { name: 'requested_by', type: 'varchar', length: '128' },
          { name: 'purposes', type: 'varchar', length: '400' },
          { name: 'legal_basis', type: 'varchar', length: '500' },
          { name: 'reason', type: 'varchar', length: '1000' },
          { name: 'requested_at', type: 'datetime' },
        ],
        indices: [new TableIndex({ name: 'ix_data_access_request_client', columnNames: ['client_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'data_access_item',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'request_id', type: 'int' },
          { name: 'coordinate', type: 'varchar', length: '160' },
          { name: 'department', type: 'varchar', length: '32' },
          { name: 'category', type: 'varchar', length: '32' },
          { name: 'share_class', type: 'varchar', length: '16' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'decided_by', type: 'varchar', length: '128', isNullable: true },
          { name: 'decided_at', type: 'datetime', isNullable: true },
          { name: 'refusal_reason', type: 'varchar', length: '1000', isNullable: true },
          { name: 'grant_id', type: 'int', isNullable: true },
          { name: 'expires_at', type: 'datetime', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'ix_data_access_item_request', columnNames: ['request_id'] }),
          new TableIndex({ name: 'ix_data_access_item_department', columnNames: ['department', 'status'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_data_access_item_request',
            columnNames: ['request_id'],
            referencedTableName: 'data_access_request',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('data_access_item');
    await queryRunner.dropTable('data_access_request');
  }
}
