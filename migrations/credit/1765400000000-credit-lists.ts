import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Credit lists (信用名单): entries, the decisions behind them, their history, and the overloads counted toward one. */
export class CreditLists1765400000000 implements MigrationInterface {
  name = 'CreditLists1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'credit_list_entry',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'list', type: 'varchar', length: '32' },
          { name: 'credit_code', type: 'varchar', length: '18' },
          { name: 'criterion', type: 'varchar', length: '40' },
          { name: 'region_code', type: 'varchar', length: '6' },
          { name: 'started_at', type: 'datetime' },
          { name: 'planned_removal_at', type: 'datetime' },
          { name: 'removed_at', type: 'datetime', isNullable: true },
          { name: 'removal_reason', type: 'varchar', length: '24', isNullable: true },
          { name: 'listed_by', type: 'varchar', length: '100' },
          { name: 'version', type: 'int' },
          { name: 'source_key', type: 'varchar', length: '100', isNullable: true },
        ],
        indices: [
          // A subject's memberships (CreditProfile.listMemberships, creditListEntries(creditCode)).
          new TableIndex({ name: 'ix_credit_list_entry_subject', columnNames: ['credit_code'] }),
          // A list's current entries.
          new TableIndex({ name: 'ix_credit_list_entry_current', columnNames: ['list', 'removed_at'] }),
          // The expiry job: current entries past their planned removal.
          new TableIndex({ name: 'ix_credit_list_entry_due', columnNames: ['removed_at', 'planned_removal_at'] }),
          // One automatic listing per fact (a revocation lists once, whichever of its events comes first).
          new TableIndex({ name: 'uq_credit_list_entry_source', columnNames: ['source_key'], isUnique: true }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'credit_list_decision',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'entry_id', type: 'int' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'document_number', type: 'varchar', length: '64' },
        ],
        indices: [
          new TableIndex({
            name: 'uq_credit_list_decision',
            columnNames: ['entry_id', 'document_number'],
            isUnique: true,
          }),
          // A repair of a decision finds the entries it caused.
          new TableIndex({ name: 'ix_credit_list_decision_document', columnNames: ['document_number'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'credit_list_change',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'entry_id', type: 'int' },
          { name: 'version', type: 'int' },
          { name: 'action', type: 'varchar', length: '16' },
          { name: 'actor', type: 'varchar', length: '100' },
          // Free text, sealed when it holds personal information (platform/crypto): TEXT like the others.
          { name: 'reason', type: 'text' },
          { name: 'occurred_at', type: 'datetime' },
        ],
        indices: [
          // One change per version: of two changes made at once, one fails and rolls back.
          new TableIndex({
            name: 'uq_credit_list_change_version',
            columnNames: ['entry_id', 'version'],
            isUnique: true,
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'credit_list_overload',
        columns: [
          { name: 'case_number', type: 'varchar', length: '64', isPrimary: true },
          { name: 'credit_code', type: 'varchar', length: '18' },
          { name: 'region_code', type: 'varchar', length: '6' },
          { name: 'decided_at', type: 'datetime' },
          { name: 'entry_id', type: 'int', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'ix_credit_list_overload_subject', columnNames: ['credit_code', 'decided_at'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('credit_list_overload');
    await queryRunner.dropTable('credit_list_change');
    await queryRunner.dropTable('credit_list_decision');
    await queryRunner.dropTable('credit_list_entry');
  }
}
