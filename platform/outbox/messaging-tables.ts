import { Table, TableIndex, type QueryRunner } from 'typeorm';

// Frozen: the initial migration of every subgraph calls these. A later change to the tables is a new
// migration, never an edit here.
export async function createOutboxTableV1(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.createTable(
    new Table({
      name: 'outbox_message',
      columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        { name: 'event_id', type: 'varchar', length: '36' },
        { name: 'event_type', type: 'varchar', length: '64' },
        { name: 'subscriber', type: 'varchar', length: '32' },
        { name: 'envelope', type: 'text' },
        { name: 'created_at', type: 'datetime' },
        { name: 'attempts', type: 'int', default: 0 },
        { name: 'next_attempt_at', type: 'datetime' },
        { name: 'delivered_at', type: 'datetime', isNullable: true },
        { name: 'last_error', type: 'varchar', length: '500', isNullable: true },
      ],
      indices: [
        new TableIndex({ name: 'uq_outbox_event_subscriber', columnNames: ['event_id', 'subscriber'], isUnique: true }),
        new TableIndex({ name: 'ix_outbox_pending', columnNames: ['delivered_at', 'next_attempt_at'] }),
      ],
    }),
  );
}

export async function createInboxTableV1(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.createTable(
    new Table({
      name: 'inbox_event',
      columns: [
        { name: 'event_id', type: 'varchar', length: '36', isPrimary: true },
        { name: 'event_type', type: 'varchar', length: '64' },
        { name: 'source', type: 'varchar', length: '32' },
        { name: 'received_at', type: 'datetime' },
      ],
    }),
  );
}
