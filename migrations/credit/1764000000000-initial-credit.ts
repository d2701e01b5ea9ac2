import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createInboxTableV1, createOutboxTableV1 } from '../../platform/outbox/messaging-tables';

export class InitialCredit1764000000000 implements MigrationInterface {
  name = 'InitialCredit1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'credit_record',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'credit_code', type: 'varchar', length: '18' },
          { name: 'kind', type: 'varchar', length: '32' },
          { name: 'source', type: 'varchar', length: '32' },
          { name: 'source_reference', type: 'varchar', length: '64' },
          { name: 'region_code', type: 'varchar', length: '6' },
          { name: 'summary', type: 'varchar', length: '1000' },
          { name: 'score_delta', type: 'int' },
          { name: 'decided_at', type: 'datetime' },
          { name: 'recorded_at', type: 'datetime' },
          { name: 'recorded_by', type: 'varchar', length: '100' },
        ],
        indices: [
          // One record per decision: redelivered or republished decisions find theirs.
          new TableIndex({
            name: 'uq_credit_record_source',
            columnNames: ['source', 'source_reference'],
            isUnique: true,
          }),
          // A subject's records and its score (profiles and Enterprise.creditProfile).
          new TableIndex({ name: 'ix_credit_record_subject', columnNames: ['credit_code'] }),
          // creditRecords(regionCode, kind) and creditRecords(kind).
          new TableIndex({ name: 'ix_credit_record_region_kind', columnNames: ['region_code', 'kind'] }),
          new TableIndex({ name: 'ix_credit_record_kind', columnNames: ['kind'] }),
        ],
      }),
    );
    await createOutboxTableV1(queryRunner);
    await createInboxTableV1(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['inbox_event', 'outbox_message', 'credit_record']) {
      await queryRunner.dropTable(table);
    }
  }
}
