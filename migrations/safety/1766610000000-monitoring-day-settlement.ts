import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The days of networked monitoring settled per region for statistics' online rate (上线率). */
export class MonitoringDaySettlement1766610000000 implements MigrationInterface {
  name = 'MonitoringDaySettlement1766610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'monitoring_day_settlement',
        columns: [
          { name: 'day', type: 'varchar', length: '10', isPrimary: true },
          { name: 'region_code', type: 'varchar', length: '6', isPrimary: true },
          { name: 'monitored_vehicles', type: 'int' },
          { name: 'online_vehicles', type: 'int' },
          { name: 'settled_at', type: 'datetime' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('monitoring_day_settlement');
  }
}
