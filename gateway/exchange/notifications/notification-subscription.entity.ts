import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A partner client's webhook for some event types (订阅通知). Ended by unsubscribing, never deleted. */
@Entity({ name: 'notification_subscription' })
@Index('ix_notification_subscription_client', ['clientId'])
export class NotificationSubscription {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'client_id', type: 'varchar', length: 64 })
  clientId: string;

  /** The event types, comma-separated, sorted. */
  @Column({ name: 'event_types', type: 'varchar', length: 400 })
  eventTypes: string;

  @Column({ name: 'webhook_url', type: 'varchar', length: 500 })
  webhookUrl: string;

  /** The HMAC key the deliveries are signed with; shown to the partner once, when it subscribes. */
  @Column({ type: 'varchar', length: 128 })
  secret: string;

  /** The partner administrator's username. */
  @Column({ name: 'created_by', type: 'varchar', length: 128 })
  createdBy: string;

  /** Events that occurred before this are not delivered. */
  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'ended_at', type: 'datetime', nullable: true })
  endedAt: Date | null;

  @Column({ name: 'ended_by', type: 'varchar', length: 128, nullable: true })
  endedBy: string | null;
}
