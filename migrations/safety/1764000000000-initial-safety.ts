import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createInboxTableV1, createOutboxTableV1 } from '../../platform/outbox/messaging-tables';

export class InitialSafety1764000000000 implements MigrationInterface {
  name = 'InitialSafety1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'waybill',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'waybill_number', type: 'varchar', length: '32' },
          { name: 'carrier_credit_code', type: 'varchar', length: '18' },
          { name: 'shipper_name', type: 'varchar', length: '200' },
          { name: 'consignee_name', type: 'varchar', length: '200', isNullable: true },
          { name: 'plate_number', type: 'varchar', length: '8' },
          { name: 'goods_name', type: 'varchar', length: '200' },
          { name: 'un_number', type: 'varchar', length: '6' },
          { name: 'hazard_class', type: 'varchar', length: '3' },
          { name: 'packing_group', type: 'varchar', length: '3', isNullable: true },
          { name: 'quantity_kg', type: 'int' },
          { name: 'origin_region_code', type: 'varchar', length: '6' },
          { name: 'destination_region_code', type: 'varchar', length: '6' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'created_by', type: 'varchar', length: '100' },
          { name: 'created_at', type: 'datetime' },
          { name: 'departed_at', type: 'datetime', isNullable: true },
          { name: 'arrived_at', type: 'datetime', isNullable: true },
          { name: 'cancelled_at', type: 'datetime', isNullable: true },
          { name: 'cancellation_reason', type: 'varchar', length: '500', isNullable: true },
          { name: 'version', type: 'int' },
        ],
        indices: [
          new TableIndex({ name: 'uq_waybill_number', columnNames: ['waybill_number'], isUnique: true }),
          // Enterprise.waybills and Vehicle.waybills (the batched child pages).
          new TableIndex({ name: 'ix_waybill_carrier', columnNames: ['carrier_credit_code'] }),
          new TableIndex({ name: 'ix_waybill_plate', columnNames: ['plate_number'] }),
          // waybills(regionCode, status) and waybills(status).
          new TableIndex({ name: 'ix_waybill_origin_status', columnNames: ['origin_region_code', 'status'] }),
          new TableIndex({ name: 'ix_waybill_destination', columnNames: ['destination_region_code'] }),
          new TableIndex({ name: 'ix_waybill_status', columnNames: ['status'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'waybill_sequence',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'origin_region_code', type: 'varchar', length: '6' },
          { name: 'sequence_date', type: 'date' },
          { name: 'last_serial', type: 'int' },
        ],
        indices: [
          new TableIndex({
            name: 'uq_waybill_sequence_region_date',
            columnNames: ['origin_region_code', 'sequence_date'],
            isUnique: true,
          }),
        ],
      }),
    );
    await createOutboxTableV1(queryRunner);
    await createInboxTableV1(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['inbox_event', 'outbox_message', 'waybill_sequence', 'waybill']) {
      await queryRunner.dropTable(table);
    }
  }
}
