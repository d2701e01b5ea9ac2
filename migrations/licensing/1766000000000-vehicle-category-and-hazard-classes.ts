import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * What safety checks a hazardous-goods waybill against: a vehicle's category, approved load, certified
 * classes and certificate status, and the classes a hazardous-goods permit covers. Rows from before
 * stay NULL (not recorded) and VALID.
 */
export class VehicleCategoryAndHazardClasses1766000000000 implements MigrationInterface {
  name = 'VehicleCategoryAndHazardClasses1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('vehicle', [
      new TableColumn({ name: 'category', type: 'varchar', length: '24', isNullable: true }),
      new TableColumn({ name: 'approved_load_kg', type: 'int', isNullable: true }),
      new TableColumn({ name: 'hazard_classes', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn({ name: 'certificate_status', type: 'varchar', length: '16', default: "'VALID'" }),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'vehicle_certificate_change',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'vehicle_id', type: 'int' },
          { name: 'from_status', type: 'varchar', length: '16' },
          { name: 'to_status', type: 'varchar', length: '16' },
          { name: 'actor', type: 'varchar', length: '100' },
          { name: 'occurred_at', type: 'datetime' },
          { name: 'reason', type: 'text' },
        ],
        indices: [new TableIndex({ name: 'ix_vehicle_certificate_change_vehicle', columnNames: ['vehicle_id'] })],
      }),
    );
    await queryRunner.addColumn(
      'permit_application',
      new TableColumn({ name: 'hazard_classes', type: 'varchar', length: '64', isNullable: true }),
    );
    await queryRunner.addColumn(
      'permit',
      new TableColumn({ name: 'hazard_classes', type: 'varchar', length: '64', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('permit', 'hazard_classes');
    await queryRunner.dropTable('vehicle_certificate_change');
    await queryRunner.dropColumn('permit_application', 'hazard_classes');
    for (const column of ['certificate_status', 'hazard_classes', 'approved_load_kg', 'category'])
      await queryRunner.dropColumn('vehicle', column);
  }
}
