import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED' | 'STOPPED';

/** One event to one subscription's webhook (the partner's delivery log): at most one row per pair. */
@Entity({ name: 'notification_delivery' })
@Index('ux_notification_delivery_event', ['subscriptionId', 'eventId'], { unique: true })
@Index('ix_notification_delivery_due', ['status', 'nextAttemptAt'])
export class NotificationDelivery {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'subscription_id', type: 'int' })
  subscriptionId: number;

  /** The domain event's id, sent as X-Event-Id: the receiver's key for applying it once. */
  @Column({ name: 'event_id', type: 'varchar', length: 64 })
  eventId: string;

  @Column({ name: 'event_type', type: 'varchar', length: 64 })
  eventType: string;

  @Column({ name: 'occurred_at', type: 'datetime' })
  occurredAt: Date;

  /** The payload fields the event type passes on (JSON, codes only); cut to the grants again at each attempt. */
  @Column({ type: 'text' })
  data: string;

  @Column({ type: 'varchar', length: 16 })
  status: DeliveryStatus;

  @Column({ type: 'int' })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'datetime' })
  nextAttemptAt: Date;

  /** The last failure, or why the delivery was stopped. */
  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ name: 'delivered_at', type: 'datetime', nullable: true })
  deliveredAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
