import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The last waybill serial used for one origin region on one China calendar day. Bumped inside the
 * transaction that creates the waybill, so numbers are gap-free per region and day and never repeat.
 */
@Entity({ name: 'waybill_sequence' })
@Index('uq_waybill_sequence_region_date', ['originRegionCode', 'sequenceDate'], { unique: true })
export class WaybillSequence {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'origin_region_code', type: 'varchar', length: 6 })
  originRegionCode: string;

  /** YYYY-MM-DD, China Standard Time. */
  @Column({ name: 'sequence_date', type: 'date' })
  sequenceDate: string;

  @Column({ name: 'last_serial', type: 'int' })
  lastSerial: number;
}
