import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Partners' webhook subscriptions, their delivery log and the event histories' read positions (gateway/exchange/notifications). */
export class Notification1766730000000 implements MigrationInterface {
  name = 'Notification1766730000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'notification_subscription',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'client_id', type: 'varchar', length: '64' },
          { name: 'event_types', type: 'varchar', length: '400' },
          { name: 'webhook_url', type: 'varchar', length: '500' },
          { name: 'secret', type: 'varchar', length: '128' },
          { name: 'created_by', type: 'varchar', length: '128' },
          { name: 'created_at', type: 'datetime' },
          { name: 'ended_at', type: 'datetime', isNullable: true },
          { name: 'ended_by', type: 'varchar', length: '128', isNullable: true },
        ],
        indices: [new TableIndex({ name: 'ix_notification_subscription_client', columnNames: ['client_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notification_delivery',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'subscription_id', type: 'int' },
          { name: 'event_id', type: 'varchar', length: '64' },
          { name: 'event_type', type: 'varchar', length: '64' },
          { name: 'occurred_at', type: 'datetime' },
          { name: 'data', type: 'text' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'attempts', type: 'int' },
          { name: 'next_attempt_at', type: 'datetime' },
          { name: 'last_error', type: 'varchar', length: '500', isNullable: true },
          { name: 'delivered_at', type: 'datetime', isNullable: true },
          { name: 'created_at', type: 'datetime' },
        ],
        indices: [
          new TableIndex({
            name: 'ux_notification_delivery_event',
            columnNames: ['subscription_id', 'event_id'],
            isUnique: true,
          }),
          new TableIndex({ name: 'ix_notification_delivery_due', columnNames: ['status', 'next_attempt_at'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notification_cursor',
        columns: [
          { name: 'name', type: 'varchar', length: '64', isPrimary: true },
          { name: 'read_up_to', type: 'bigint' },
          { name: 'updated_at', type: 'datetime' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('notification_cursor');
    await queryRunner.dropTable('notification_delivery');
    await queryRunner.dropTable('notification_subscription');
  }
}
