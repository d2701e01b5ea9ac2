import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Enforcement's projection of the vehicle registry, fed by licensing's `vehicle.registered` events. */
export class RegisteredVehicle1764500000000 implements MigrationInterface {
  name = 'RegisteredVehicle1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'registered_vehicle',
        columns: [
          { name: 'plate_number', type: 'varchar', length: '8', isPrimary: true },
          { name: 'owner_credit_code', type: 'varchar', length: '18' },
          { name: 'region_code', type: 'varchar', length: '6' },
          { name: 'registered_at', type: 'datetime' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('registered_vehicle');
  }
}
