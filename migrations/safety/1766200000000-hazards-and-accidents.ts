import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const id = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment' as const,
};

/**
 * Safety inspections and their hidden hazards (隐患排查治理) with evidence in the file store, and accident
 * reports (事故快报) with every follow-up's version. Free-text columns are TEXT: they may hold an
 * encrypted envelope (platform/crypto/encrypted-column.ts, freeText).
 */
export class HazardsAndAccidents1766200000000 implements MigrationInterface {
  name = 'HazardsAndAccidents1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'safety_inspection',
        columns: [
          id,
          { name: 'credit_code', type: 'varchar', length: '18' },
          { name: 'region_code', type: 'varchar', length: '6' },
          { name: 'inspected_on', type: 'varchar', length: '10' },
          { name: 'inspectors', type: 'text' },
          { name: 'findings', type: 'text' },
          { name: 'recorded_by', type: 'varchar', length: '100' },
          { name: 'recorded_at', type: 'datetime' },
        ],
        indices: [
          new TableIndex({ name: 'ix_safety_inspection_enterprise', columnNames: ['credit_code'] }),
          new TableIndex({ name: 'ix_safety_inspection_region', columnNames: ['region_code', 'id'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'hidden_hazard',
        columns: [
          id,
          { name: 'inspection_id', type: 'int' },
          { name: 'credit_code', type: 'varchar', length: '18' },
          { name: 'region_code', type: 'varchar', length: '6' },
          { name: 'level', type: 'varchar', length: '16' },
          { name: 'description', type: 'text' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'found_on', type: 'varchar', length: '10' },
          { name: 'deadline', type: 'varchar', length: '10' },
          { name: 'found_by', type: 'varchar', length: '100' },
          { name: 'rectification_reported_by', type: 'varchar', length: '100', isNullable: true },
          { name: 'rectification_reported_at', type: 'datetime', isNullable: true },
          { name: 'rectification_note', type: 'text', isNullable: true },
          { name: 'verified_by', type: 'varchar', length: '100', isNullable: true },
          { name: 'verified_at', type: 'datetime', isNullable: true },
          { name: 'verification_note', type: 'text', isNullable: true },
          { name: 'closed_at', type: 'datetime', isNullable: true },
          { name: 'reported_versions', type: 'int' },
          { name: 'created_at', type: 'datetime' },
          { name: 'version', type: 'int' },
        ],
        indices: [
          new TableIndex({ name: 'ix_hidden_hazard_inspection', columnNames: ['inspection_id'] }),
          new TableIndex({ name: 'ix_hidden_hazard_enterprise', columnNames: ['credit_code', 'status'] }),
          new TableIndex({ name: 'ix_hidden_hazard_region', columnNames: ['region_code', 'status', 'deadline'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'hazard_evidence',
        columns: [
          id,
          { name: 'hazard_id', type: 'int' },
          { name: 'stage', type: 'varchar', length: '16' },
          { name: 'file_name', type: 'text' },
          { name: 'size_bytes', type: 'int' },
          { name: 'sm3_digest', type: 'varchar', length: '64' },
          { name: 'storage_reference', type: 'varchar', length: '300' },
          { name: 'uploaded_by', type: 'varchar', length: '100' },
          { name: 'uploaded_at', type: 'datetime' },
        ],
        indices: [new TableIndex({ name: 'ix_hazard_evidence_hazard', columnNames: ['hazard_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'safety_accident',
        columns: [
          id,
          { name: 'plate_number', type: 'varchar', length: '8', isNullable: true },
          { name: 'credit_code', type: 'varchar', length: '18', isNullable: true },
          { name: 'occurred_at', type: 'datetime' },
          { name: 'region_code', type: 'varchar', length: '6' },
          { name: 'location', type: 'text' },
          { name: 'summary', type: 'text' },
          { name: 'severity', type: 'varchar', length: '16' },
          { name: 'deaths', type: 'int' },
          { name: 'injuries', type: 'int' },
          { name: 'direct_loss_fen', type: 'bigint' },
          { name: 'waybill_number', type: 'varchar', length: '32', isNullable: true },
          { name: 'reported_by', type: 'varchar', length: '100' },
          { name: 'reported_at', type: 'datetime' },
          { name: 'version', type: 'int' },
        ],
        indices: [
          new TableIndex({ name: 'ix_safety_accident_region', columnNames: ['region_code', 'id'] }),
          new TableIndex({ name: 'ix_safety_accident_plate', columnNames: ['plate_number'] }),
          new TableIndex({ name: 'ix_safety_accident_enterprise', columnNames: ['credit_code'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'safety_accident_version',
        columns: [
          id,
          { name: 'accident_id', type: 'int' },
          { name: 'version', type: 'int' },
          { name: 'severity', type: 'varchar', length: '16' },
          { name: 'deaths', type: 'int' },
          { name: 'injuries', type: 'int' },
          { name: 'direct_loss_fen', type: 'bigint' },
          { name: 'note', type: 'text' },
          { name: 'reported_by', type: 'varchar', length: '100' },
          { name: 'reported_at', type: 'datetime' },
        ],
        indices: [
          new TableIndex({
            name: 'uq_safety_accident_version',
            columnNames: ['accident_id', 'version'],
            isUnique: true,
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('safety_accident_version');
    await queryRunner.dropTable('safety_accident');
    await queryRunner.dropTable('hazard_evidence');
    await queryRunner.dropTable('hidden_hazard');
    await queryRunner.dropTable('safety_inspection');
  }
}
