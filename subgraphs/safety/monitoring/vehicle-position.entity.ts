import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One reported position of a key vehicle (重点营运车辆联网联控), kept for the retention period. Compact on
 * purpose (a province's fleet reports hundreds of millions a day): coordinates in integer micro-degrees
 * (WGS-84, 1e-6°), speed in tenths of km/h, no surrogate id. Keyed by plate and time, so a resubmission is
 * ignored by the key; on MySQL partitioned by China day (see the migration and position-retention.ts).
 */
@Entity({ name: 'vehicle_position' })
export class VehiclePosition {
  @PrimaryColumn({ name: 'plate_number', type: 'varchar', length: 8 })
  plateNumber: string;

  /** When the terminal took the fix (UTC, whole seconds). */
  @PrimaryColumn({ name: 'recorded_at', type: 'datetime' })
  recordedAt: Date;

  /** WGS-84 longitude in micro-degrees. */
  @Column({ name: 'longitude_e6', type: 'int' })
  longitudeE6: number;

  /** WGS-84 latitude in micro-degrees. */
  @Column({ name: 'latitude_e6', type: 'int' })
  latitudeE6: number;

  /** Speed in tenths of km/h. */
  @Column({ name: 'speed_dkmh', type: 'smallint' })
  speedDkmh: number;

  /** Heading in degrees from north, 0-359. */
  @Column({ name: 'heading', type: 'smallint' })
  heading: number;

  /** The terminal's alarm flags as a bit set (see AlarmFlag). */
  @Column({ name: 'alarm_flags', type: 'smallint' })
  alarmFlags: number;
}

/**
 * The latest position of each plate and the state the alert rules carry from one position to the next
 * (driving session, speeding episode, what has been alerted): one row per plate, read for a whole batch
 * in one statement and upserted in one, so it survives restarts and the latest position is one keyed read.
 */
@Entity({ name: 'vehicle_latest_position' })
@Index('ix_vehicle_latest_position_time', ['recordedAt'])
export class VehicleLatestPosition {
  @PrimaryColumn({ name: 'plate_number', type: 'varchar', length: 8 })
  plateNumber: string;

  @Column({ name: 'recorded_at', type: 'datetime' })
  recordedAt: Date;

  @Column({ name: 'longitude_e6', type: 'int' })
  longitudeE6: number;

  @Column({ name: 'latitude_e6', type: 'int' })
  latitudeE6: number;

  @Column({ name: 'speed_dkmh', type: 'smallint' })
  speedDkmh: number;

  @Column({ name: 'heading', type: 'smallint' })
  heading: number;

  @Column({ name: 'alarm_flags', type: 'smallint' })
  alarmFlags: number;

  /** Start of the current continuous driving (连续驾驶); null while resting. */
  @Column({ name: 'driving_since', type: 'datetime', nullable: true })
  drivingSince: Date | null;

  /** Since when the vehicle has stood still; a standstill of the rest period ends the driving session. */
  @Column({ name: 'stopped_since', type: 'datetime', nullable: true })
  stoppedSince: Date | null;

  /** Start of the current run above the speed limit; null when within it. */
  @Column({ name: 'speeding_since', type: 'datetime', nullable: true })
  speedingSince: Date | null;

  /** Whether the current speeding run has raised its alert (one alert per run). */
  @Column({ name: 'speeding_alerted', type: 'boolean', default: false })
  speedingAlerted: boolean;

  /** Whether the current driving session has raised its fatigue alert (one per session). */
  @Column({ name: 'fatigue_alerted', type: 'boolean', default: false })
  fatigueAlerted: boolean;

  /** China date (YYYY-MM-DD) of the last night-ban alert of a coach: one per night. */
  @Column({ name: 'night_alert_date', type: 'varchar', length: 10, nullable: true })
  nightAlertDate: string | null;

  /** When the offline job raised its alert for the current silence; cleared by the next position. */
  @Column({ name: 'offline_alerted_at', type: 'datetime', nullable: true })
  offlineAlertedAt: Date | null;
}

/** Plates that reported at least once on a China day: the numerator of the online rate (上线率). */
@Entity({ name: 'vehicle_online_day' })
@Index('ix_vehicle_online_day_plate', ['plateNumber', 'day'])
export class VehicleOnlineDay {
  /** China date YYYY-MM-DD. */
  @PrimaryColumn({ name: 'day', type: 'varchar', length: 10 })
  day: string;

  @PrimaryColumn({ name: 'plate_number', type: 'varchar', length: 8 })
  plateNumber: string;
}
