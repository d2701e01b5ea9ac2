import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createInboxTableV1, createOutboxTableV1 } from '../../platform/outbox/messaging-tables';

export class InitialLicensing1764000000000 implements MigrationInterface {
  name = 'InitialLicensing1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'enterprise',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'credit_code', type: 'varchar', length: '18' },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'legal_representative', type: 'varchar', length: '100' },
          { name: 'region_code', type: 'varchar', length: '6' },
          { name: 'address', type: 'varchar', length: '300' },
          { name: 'registered_at', type: 'datetime' },
        ],
        indices: [
          new TableIndex({ name: 'uq_enterprise_credit_code', columnNames: ['credit_code'], isUnique: true }),
          new TableIndex({ name: 'ix_enterprise_region', columnNames: ['region_code'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'vehicle',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'plate_number', type: 'varchar', length: '8' },
          { name: 'owner_credit_code', type: 'varchar', length: '18' },
          { name: 'vehicle_type', type: 'varchar', length: '50' },
          { name: 'transport_certificate_number', type: 'varchar', length: '64' },
          { name: 'region_code', type: 'varchar', length: '6' },
          { name: 'registered_at', type: 'datetime' },
        ],
        indices: [
          new TableIndex({ name: 'uq_vehicle_plate', columnNames: ['plate_number'], isUnique: true }),
          new TableIndex({ name: 'ix_vehicle_owner', columnNames: ['owner_credit_code'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'permit_application',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'application_number', type: 'varchar', length: '32' },
          { name: 'credit_code', type: 'varchar', length: '18' },
          { name: 'kind', type: 'varchar', length: '40' },
          { name: 'scope', type: 'varchar', length: '500' },
          { name: 'region_code', type: 'varchar', length: '6' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'submitted_by', type: 'varchar', length: '100' },
          { name: 'submitted_at', type: 'datetime' },
          { name: 'accepted_at', type: 'datetime', isNullable: true },
          { name: 'decided_by', type: 'varchar', length: '100', isNullable: true },
          { name: 'decided_at', type: 'datetime', isNullable: true },
          { name: 'decision_comment', type: 'varchar', length: '1000', isNullable: true },
          { name: 'permit_number', type: 'varchar', length: '32', isNullable: true },
          { name: 'version', type: 'int' },
        ],
        indices: [
          new TableIndex({ name: 'uq_application_number', columnNames: ['application_number'], isUnique: true }),
          new TableIndex({ name: 'ix_application_applicant', columnNames: ['credit_code'] }),
          new TableIndex({ name: 'ix_application_region_status', columnNames: ['region_code', 'status'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'permit',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'number', type: 'varchar', length: '32' },
          { name: 'kind', type: 'varchar', length: '40' },
          { name: 'scope', type: 'varchar', length: '500' },
          { name: 'credit_code', type: 'varchar', length: '18' },
          { name: 'region_code', type: 'varchar', length: '6' },
          { name: 'application_number', type: 'varchar', length: '32' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'issued_at', type: 'datetime' },
          { name: 'valid_from', type: 'date' },
          { name: 'valid_until', type: 'date' },
        ],
        indices: [
          new TableIndex({ name: 'uq_permit_number', columnNames: ['number'], isUnique: true }),
          new TableIndex({ name: 'ix_permit_holder', columnNames: ['credit_code'] }),
        ],
      }),
    );
    await createOutboxTableV1(queryRunner);
    await createInboxTableV1(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['inbox_event', 'outbox_message', 'permit', 'permit_application', 'vehicle', 'enterprise']) {
      await queryRunner.dropTable(table);
    }
  }
}
