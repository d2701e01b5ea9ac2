import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One province on a waybill's route, for "waybills passing through my province": the authorities of
 * every province a hazardous-goods shipment crosses supervise it, not only the origin's and destination's.
 */
@Entity({ name: 'waybill_route_province' })
@Index('ix_waybill_route_province', ['provinceCode', 'waybillId'])
export class WaybillRouteProvince {
  @PrimaryColumn({ name: 'waybill_id', type: 'int' })
  waybillId: number;

  /** Order on the route from 0 (the origin's province). */
  @PrimaryColumn({ type: 'smallint' })
  position: number;

  /** GB/T 2260 province code (xx0000). */
  @Column({ name: 'province_code', type: 'varchar', length: 6 })
  provinceCode: string;
}
