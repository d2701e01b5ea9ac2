import { Field, Int, ObjectType } from 'type-graphql';
import { Column } from 'typeorm';

/**
 * How the delivery of one pushed version stands: the columns and fields every push outbox to a national
 * platform shares after its own key (record type, id, version, payload, state). An outbox entity extends
 * it; the relay (delivery-relay.ts) reads and writes nothing else.
 */
@ObjectType()
export abstract class DeliveryAttempts {
  @Field(() => Int, { description: 'How many times it has been sent.' })
  @Column({ type: 'integer' })
  attempts: number;

  @Field(() => Date, { nullable: true, description: 'When it is tried next (UTC); null once delivered or refused.' })
  @Column({ name: 'next_attempt_at', type: 'datetime', nullable: true })
  nextAttemptAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the last attempt did not deliver it (the platform unreachable, slow, or its answer).',
  })
  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Field(() => Date, { description: 'When this version was recorded (UTC).' })
  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was last sent (UTC).' })
  @Column({ name: 'last_attempt_at', type: 'datetime', nullable: true })
  lastAttemptAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the platform acknowledged it (UTC).' })
  @Column({ name: 'delivered_at', type: 'datetime', nullable: true })
  deliveredAt: Date | null;

  @Field(() => String, { nullable: true, description: 'The platform’s receipt number (回执编号).' })
  @Column({ name: 'receipt_number', type: 'varchar', length: 64, nullable: true })
  receiptNumber: string | null;

  /** The relay process holding it while it is sent, and until when; another takes over after that. */
  @Column({ name: 'lease_owner', type: 'varchar', length: 64, nullable: true })
  leaseOwner: string | null;

  @Column({ name: 'lease_until', type: 'datetime', nullable: true })
  leaseUntil: Date | null;
}
