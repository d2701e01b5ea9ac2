import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Key-vehicle networked monitoring (联网联控): positions (on MySQL partitioned by day, the retention job
 * adds and drops the partitions), each plate's latest position with the alert rules' state, the days each
 * plate reported (online rate), and the alerts.
 */
export class VehicleMonitoring1766100000000 implements MigrationInterface {
  name = 'VehicleMonitoring1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'mysql') {
      // Compact rows keyed by plate and time, no surrogate id; the partition key is part of the primary key.
      await queryRunner.query(
        `CREATE TABLE vehicle_position (
          plate_number varchar(8) NOT NULL,
          recorded_at datetime NOT NULL,
          longitude_e6 int NOT NULL,
          latitude_e6 int NOT NULL,
          speed_dkmh smallint NOT NULL,
          heading smallint NOT NULL,
          alarm_flags smallint NOT NULL,
          PRIMARY KEY (plate_number, recorded_at)
        ) ENGINE=InnoDB
        PARTITION BY RANGE (TO_DAYS(recorded_at)) (PARTITION pmax VALUES LESS THAN MAXVALUE)`,
      );
    } else {
      await queryRunner.createTable(
        new Table({
          name: 'vehicle_position',
          columns: [
            { name: 'plate_number', type: 'varchar', length: '8', isPrimary: true },
            { name: 'recorded_at', type: 'datetime', isPrimary: true },
            { name: 'longitude_e6', type: 'int' },
            { name: 'latitude_e6', type: 'int' },
            { name: 'speed_dkmh', type: 'smallint' },
            { name: 'heading', type: 'smallint' },
            { name: 'alarm_flags', type: 'smallint' },
          ],
        }),
      );
    }
    await queryRunner.createTable(
      new Table({
        name: 'vehicle_latest_position',
        columns: [
          { name: 'plate_number', type: 'varchar', length: '8', isPrimary: true },
          { name: 'recorded_at', type: 'datetime' },
          { name: 'longitude_e6', type: 'int' },
          { name: 'latitude_e6', type: 'int' },
          { name: 'speed_dkmh', type: 'smallint' },
          { name: 'heading', type: 'smallint' },
          { name: 'alarm_flags', type: 'smallint' },
          { name: 'driving_since', type: 'datetime', isNullable: true },
          { name: 'stopped_since', type: 'datetime', isNullable: true },
          { name: 'speeding_since', type: 'datetime', isNullable: true },
          { name: 'speeding_alerted', type: 'boolean', default: false },
          { name: 'fatigue_alerted', type: 'boolean', default: false },
          { name: 'night_alert_date', type: 'varchar', length: '10', isNullable: true },
          { name: 'offline_alerted_at', type: 'datetime', isNullable: true },
        ],
        indices: [new TableIndex({ name: 'ix_vehicle_latest_position_time', columnNames: ['recorded_at'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'vehicle_online_day',
        columns: [
          { name: 'day', type: 'varchar', length: '10', isPrimary: true },
          { name: 'plate_number', type: 'varchar', length: '8', isPrimary: true },
        ],
        indices: [new TableIndex({ name: 'ix_vehicle_online_day_plate', columnNames: ['plate_number', 'day'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'safety_alert',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'plate_number', type: 'varchar', length: '8' },
          { name: 'owner_credit_code', type: 'varchar', length: '18' },
          { name: 'region_code', type: 'varchar', length: '6' },
          { name: 'occurred_at', type: 'datetime' },
          { name: 'longitude_e6', type: 'int', isNullable: true },
          { name: 'latitude_e6', type: 'int', isNullable: true },
          { name: 'description_zh', type: 'varchar', length: '300' },
          { name: 'description_en', type: 'varchar', length: '300' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'raised_at', type: 'datetime' },
          { name: 'acknowledged_by', type: 'varchar', length: '100', isNullable: true },
          { name: 'acknowledged_at', type: 'datetime', isNullable: true },
          { name: 'handled_by', type: 'varchar', length: '100', isNullable: true },
          { name: 'handled_at', type: 'datetime', isNullable: true },
          { name: 'disposition', type: 'text', isNullable: true },
          { name: 'version', type: 'integer' },
        ],
        indices: [
          new TableIndex({ name: 'ix_safety_alert_region_status', columnNames: ['region_code', 'status', 'id'] }),
          new TableIndex({ name: 'ix_safety_alert_plate_status', columnNames: ['plate_number', 'status'] }),
          new TableIndex({ name: 'ix_safety_alert_owner_time', columnNames: ['owner_credit_code', 'occurred_at'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('safety_alert');
    await queryRunner.dropTable('vehicle_online_day');
    await queryRunner.dropTable('vehicle_latest_position');
    await queryRunner.dropTable('vehicle_position');
  }
}
