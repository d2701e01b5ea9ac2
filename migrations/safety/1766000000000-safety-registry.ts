import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Safety's projections of licensing's vehicles and hazardous-goods permits, kept from events, and the
 * push outbox to the national safety supervision platform.
 */
export class SafetyRegistry1766000000000 implements MigrationInterface {
  name = 'SafetyRegistry1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'safety_vehicle',
        columns: [
          { name: 'plate_number', type: 'varchar', length: '8', isPrimary: true },
          { name: 'owner_credit_code', type: 'varchar', length: '18' },
          { name: 'region_code', type: 'varchar', length: '6' },
          { name: 'category', type: 'varchar', length: '24' },
          { name: 'transport_certificate_number', type: 'varchar', length: '64' },
          { name: 'certificate_status', type: 'varchar', length: '16' },
          { name: 'approved_load_kg', type: 'int', isNullable: true },
          { name: 'hazard_classes', type: 'varchar', length: '64', isNullable: true },
          { name: 'changed_at', type: 'datetime' },
        ],
        indices: [
          new TableIndex({ name: 'ix_safety_vehicle_owner', columnNames: ['owner_credit_code'] }),
          new TableIndex({ name: 'ix_safety_vehicle_region', columnNames: ['region_code'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'safety_carrier_permit',
        columns: [
          { name: 'permit_number', type: 'varchar', length: '64', isPrimary: true },
          { name: 'credit_code', type: 'varchar', length: '18' },
          { name: 'region_code', type: 'varchar', length: '6' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'hazard_classes', type: 'varchar', length: '64' },
          { name: 'valid_from', type: 'date' },
          { name: 'valid_until', type: 'date' },
          { name: 'changed_at', type: 'datetime' },
        ],
        indices: [new TableIndex({ name: 'ix_safety_carrier_permit_holder', columnNames: ['credit_code'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'safety_platform_delivery',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'report_type', type: 'varchar', length: '24' },
          { name: 'report_id', type: 'varchar', length: '64' },
          { name: 'version', type: 'integer' },
          { name: 'region_code', type: 'varchar', length: '6' },
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
          new TableIndex({
            name: 'uq_safety_platform_delivery_version',
            columnNames: ['report_type', 'report_id', 'version'],
            isUnique: true,
          }),
          new TableIndex({ name: 'ix_safety_platform_delivery_due', columnNames: ['state', 'next_attempt_at', 'id'] }),
          new TableIndex({ name: 'ix_safety_platform_delivery_region', columnNames: ['region_code', 'id'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('safety_platform_delivery');
    await queryRunner.dropTable('safety_carrier_permit');
    await queryRunner.dropTable('safety_vehicle');
  }
}
