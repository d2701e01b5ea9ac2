import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last case serial used per handling region and year; advanced inside each filing transaction. */
@Entity({ name: 'case_number_sequence' })
export class CaseNumberSequence {
  @PrimaryColumn({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ name: 'last_serial', type: 'int' })
  lastSerial: number;
}
