import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One row per (event, subscriber), written in the transaction that made the change. */
@Entity({ name: 'outbox_message' })
@Index('uq_outbox_event_subscriber', ['eventId', 'subscriber'], { unique: true })
@Index('ix_outbox_pending', ['deliveredAt', 'nextAttemptAt'])
export class OutboxMessage {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'event_id', type: 'varchar', length: 36 })
  eventId: string;

  @Column({ name: 'event_type', type: 'varchar', length: 64 })
  eventType: string;

  @Column({ type: 'varchar', length: 32 })
  subscriber: string;

  /** The whole envelope as JSON. */
  @Column({ type: 'text' })
  envelope: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'datetime' })
  nextAttemptAt: Date;

  @Column({ name: 'delivered_at', type: 'datetime', nullable: true })
  deliveredAt: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;
}
