import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createInboxTableV1, createOutboxTableV1 } from '../../platform/outbox/messaging-tables';

export class InitialEnforcement1764000000000 implements MigrationInterface {
  name = 'InitialEnforcement1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'enforcement_case',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'case_number', type: 'varchar', length: '16' },
          { name: 'region_code', type: 'varchar', length: '6' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'cause', type: 'text' },
          { name: 'credit_code', type: 'varchar', length: '18', isNullable: true },
          { name: 'plate_number', type: 'varchar', length: '8', isNullable: true },
          { name: 'party_name', type: 'varchar', length: '50', isNullable: true },
          { name: 'party_id_number', type: 'varchar', length: '18', isNullable: true },
          { name: 'penalty', type: 'varchar', length: '24', isNullable: true },
          { name: 'fine_fen', type: 'bigint', isNullable: true },
          { name: 'permit_number', type: 'varchar', length: '32', isNullable: true },
          { name: 'decision_summary', type: 'varchar', length: '1000', isNullable: true },
          { name: 'dismissal_reason', type: 'varchar', length: '1000', isNullable: true },
          { name: 'filed_by', type: 'varchar', length: '100' },
          { name: 'filed_at', type: 'datetime' },
          { name: 'decided_by', type: 'varchar', length: '100', isNullable: true },
          { name: 'decided_at', type: 'datetime', isNullable: true },
          { name: 'closed_at', type: 'datetime', isNullable: true },
          { name: 'decision_due_date', type: 'date' },
          { name: 'version', type: 'int' },
        ],
        indices: [
          new TableIndex({ name: 'uq_case_number', columnNames: ['case_number'], isUnique: true }),
          new TableIndex({ name: 'ix_case_credit_code', columnNames: ['credit_code'] }),
          new TableIndex({ name: 'ix_case_plate_number', columnNames: ['plate_number'] }),
          new TableIndex({ name: 'ix_case_region_status', columnNames: ['region_code', 'status'] }),
          new TableIndex({ name: 'ix_case_status_due', columnNames: ['status', 'decision_due_date'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'case_step',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'case_id', type: 'int' },
          { name: 'from_status', type: 'varchar', length: '16', isNullable: true },
          { name: 'to_status', type: 'varchar', length: '16' },
          { name: 'actor', type: 'varchar', length: '100' },
          { name: 'occurred_at', type: 'datetime' },
          { name: 'comment', type: 'varchar', length: '1000', isNullable: true },
        ],
        indices: [new TableIndex({ name: 'ix_case_step_case', columnNames: ['case_id'] })],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_case_step_case',
            columnNames: ['case_id'],
            referencedTableName: 'enforcement_case',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'case_number_sequence',
        columns: [
          { name: 'region_code', type: 'varchar', length: '6', isPrimary: true },
          { name: 'year', type: 'int', isPrimary: true },
          { name: 'last_serial', type: 'int' },
        ],
      }),
    );
    await createOutboxTableV1(queryRunner);
    await createInboxTableV1(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['inbox_event', 'outbox_message', 'case_number_sequence', 'case_step', 'enforcement_case']) {
      await queryRunner.dropTable(table);
    }
  }
}
