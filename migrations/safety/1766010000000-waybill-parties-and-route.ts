import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * What 危险货物道路运输安全管理办法 asks a waybill to name besides the carrier: the loader, the driver and
 * the escort with their qualification certificates (sealed: personal information), and the provinces on the
 * route, whose authorities all see it. Waybills from before keep NULL.
 */
export class WaybillPartiesAndRoute1766010000000 implements MigrationInterface {
  name = 'WaybillPartiesAndRoute1766010000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('waybill', [
      new TableColumn({ name: 'loader_name', type: 'text', isNullable: true }),
      new TableColumn({ name: 'driver_name', type: 'varchar', length: '680', isNullable: true }),
      new TableColumn({ name: 'driver_qualification_number', type: 'varchar', length: '680', isNullable: true }),
      new TableColumn({ name: 'escort_name', type: 'varchar', length: '680', isNullable: true }),
      new TableColumn({ name: 'escort_qualification_number', type: 'varchar', length: '680', isNullable: true }),
      new TableColumn({ name: 'route_province_codes', type: 'varchar', length: '200', isNullable: true }),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'waybill_route_province',
        columns: [
          { name: 'waybill_id', type: 'int', isPrimary: true },
          { name: 'position', type: 'smallint', isPrimary: true },
          { name: 'province_code', type: 'varchar', length: '6' },
        ],
        indices: [new TableIndex({ name: 'ix_waybill_route_province', columnNames: ['province_code', 'waybill_id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('waybill_route_province');
    for (const column of [
      'route_province_codes',
      'escort_qualification_number',
      'escort_name',
      'driver_qualification_number',
      'driver_name',
      'loader_name',
    ])
      await queryRunner.dropColumn('waybill', column);
  }
}
