import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Pushes to the national credit information sharing platform (the outbox), and its answers' cache. */
export class NationalCreditPlatform1765200000000 implements MigrationInterface {
  name = 'NationalCreditPlatform1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'credit_platform_delivery',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'record_type', type: 'varchar', length: '16' },
          { name: 'record_id', type: 'varchar', length: '64' },
          { name: 'version', type: 'integer' },
          { name: 'payload', type: 'text' },
          { name: 'state', type: 'varchar', length: '16' },
          { name: 'attempts', type: 'integer' },
          { name: 'next_attempt_at', type: 'datetime', isNullable: true },
          { name: 'last_error', type: 'varchar', length: '500', isNullable: true },
          { name: 'created_at', type: 'datetime' },
          { name: 'last_attempt_at', type: 'datetime', isNullable: true },
          { name: 'delivered_at', type: 'datetime', isNullable: true },
          { name: 'receipt_number', type: 'varchar', length: '64', isNullable: true },
          { name: 'lease_owner', type: 'varchar', length: '64', isNullable: true },
          { name: 'lease_until', type: 'datetime', isNullable: true },
        ],
        indices: [
          // One row per version: recording a change twice adds nothing; the relay's "earlier version
          // not delivered" check reads it too.
          new TableIndex({
            name: 'uq_credit_platform_delivery_version',
            columnNames: ['record_type', 'record_id', 'version'],
            isUnique: true,
          }),
          // The relay's claim (state PENDING, due first) and the officers' pending count.
          new TableIndex({ name: 'ix_credit_platform_delivery_due', columnNames: ['state', 'next_attempt_at', 'id'] }),
          // The last success in the officers' summary.
          new TableIndex({ name: 'ix_credit_platform_delivery_delivered', columnNames: ['state', 'delivered_at'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'credit_national_standing',
        columns: [
          { name: 'credit_code', type: 'varchar', length: '18', isPrimary: true },
          { name: 'entries', type: 'text' },
          { name: 'retrieved_at', type: 'datetime' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('credit_national_standing');
    await queryRunner.dropTable('credit_platform_delivery');
  }
}
