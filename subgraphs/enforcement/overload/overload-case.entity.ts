import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A case opened from an overload record: the vehicle, the responsible region and when the opening
 * record was detected. Later overloads of the vehicle in that region within the join window
 * (`OVERLOAD_JOIN_WINDOW_HOURS` around that time) join the case while it is still a draft.
 */
@Entity({ name: 'overload_case' })
@Index('ix_overload_case_join', ['plateNumber', 'regionCode', 'openedByDetectionAt'])
export class OverloadCase {
  @PrimaryColumn({ name: 'case_id', type: 'int' })
  caseId: number;

  @Column({ name: 'plate_number', type: 'varchar', length: 8 })
  plateNumber: string;

  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Column({ name: 'opened_by_detection_at', type: 'datetime' })
  openedByDetectionAt: Date;
}
