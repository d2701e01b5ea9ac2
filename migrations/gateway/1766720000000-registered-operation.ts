import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Partners' operations registered at run time (gateway/exchange/operations/registered-operation.entity.ts). */
export class RegisteredOperation1766720000000 implements MigrationInterface {
  name = 'RegisteredOperation1766720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'registered_operation',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'client_id', type: 'varchar', length: '64' },
          { name: 'name', type: 'varchar', length: '128' },
          { name: 'version', type: 'int' },
          { name: 'document', type: 'text' },
          { name: 'sha256', type: 'varchar', length: '64' },
          { name: 'coordinates', type: 'text' },
          { name: 'registered_by', type: 'varchar', length: '128' },
          { name: 'registered_at', type: 'datetime' },
          { name: 'retired_at', type: 'datetime', isNullable: true },
          { name: 'retired_by', type: 'varchar', length: '128', isNullable: true },
        ],
        indices: [
          new TableIndex({
            name: 'ux_registered_operation_version',
            columnNames: ['client_id', 'name', 'version'],
            isUnique: true,
          }),
          new TableIndex({ name: 'ix_registered_operation_sha256', columnNames: ['sha256'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('registered_operation');
  }
}
