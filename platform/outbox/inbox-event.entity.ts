import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Event ids already applied by this subgraph: the primary key is what makes delivery idempotent. */
@Entity({ name: 'inbox_event' })
export class InboxEvent {
  @PrimaryColumn({ name: 'event_id', type: 'varchar', length: 36 })
  eventId: string;

  @Column({ name: 'event_type', type: 'varchar', length: 64 })
  eventType: string;

  @Column({ type: 'varchar', length: 32 })
  source: string;

  @Column({ name: 'received_at', type: 'datetime' })
  receivedAt: Date;
}
