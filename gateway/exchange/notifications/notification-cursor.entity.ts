import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How far the gateway has read one department's event history (`<source>:<subscriber>`), advanced in
 * the transaction that stores the deliveries read, so a gateway restart neither loses nor repeats them.
 */
@Entity({ name: 'notification_cursor' })
export class NotificationCursor {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name: string;

  /** The source's outbox row id read up to. */
  @Column({
    name: 'read_up_to',
    type: 'bigint',
    transformer: { to: (value: number) => value, from: (value: string | number) => Number(value) },
  })
  readUpTo: number;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
