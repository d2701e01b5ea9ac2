import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A China day of networked monitoring settled for one certifying region: the key vehicles it held and
 * how many reported that day, as published to statistics (`monitoring.day-closed`). A (day, region) is
 * settled once; positions of that day arriving later are kept but not counted again.
 */
@Entity({ name: 'monitoring_day_settlement' })
export class MonitoringDaySettlement {
  /** China date YYYY-MM-DD. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @PrimaryColumn({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Column({ name: 'monitored_vehicles', type: 'int' })
  monitoredVehicles: number;

  @Column({ name: 'online_vehicles', type: 'int' })
  onlineVehicles: number;

  @Column({ name: 'settled_at', type: 'datetime' })
  settledAt: Date;
}
