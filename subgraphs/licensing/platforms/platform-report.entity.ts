import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum PlatformReportState {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
}

registerEnumType(PlatformReportState, {
  name: 'PlatformReportState',
  description: 'Whether a decision report has reached the national investment project approval platform.',
  valuesConfig: {
    PENDING: { description: 'Recorded with the decision, not yet acknowledged by the platform; retried with backoff.' },
    DELIVERED: { description: 'The platform acknowledged it with a receipt (回执).' },
  },
});

export enum ReportedDecision {
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

registerEnumType(ReportedDecision, {
  name: 'ReportedDecision',
  description: 'The decision a report carries.',
  valuesConfig: {
    APPROVED: { description: 'The permit was granted.' },
    REJECTED: { description: 'The permit was refused.' },
  },
});

/**
 * The outbox of decision reports (办理结果回传): one row per application, written in the decision's
 * transaction, delivered at least once by the relay and acknowledged by the platform's receipt.
 */
@ObjectType({
  description:
    'A permit decision reported back to the national investment project approval platform (办理结果回传), and how its delivery stands.',
})
@Entity({ name: 'platform_report' })
@Index('uq_platform_report_application', ['applicationNumber'], { unique: true })
@Index('ix_platform_report_pending', ['deliveredAt', 'nextAttemptAt'])
@Index('ix_platform_report_region', ['regionCode'])
export class PlatformReport {
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'Number of the application decided; also the idempotency key the platform sees.' })
  @Column({ name: 'application_number', type: 'varchar', length: 32 })
  applicationNumber: string;

  @Field({ description: 'Investment project code (投资项目统一代码) the decision is about.' })
  @Column({ name: 'project_code', type: 'varchar', length: 24 })
  projectCode: string;

  @Field(() => ReportedDecision, { description: 'The decision reported.' })
  @Column({ type: 'varchar', length: 16 })
  decision: ReportedDecision;

  @Field({ description: 'GB/T 2260 code of the deciding authority.' })
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  /** The report exactly as it is sent (JSON), so every retry sends the same content. */
  @Column({ type: 'text' })
  payload: string;

  @Field({ description: 'When the report was recorded, with the decision (UTC).' })
  @Column({ name: 'enqueued_at', type: 'datetime' })
  enqueuedAt: Date;

  @Field(() => Int, { description: 'Delivery attempts so far.' })
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Field(() => Date, {
    nullable: true,
    description: 'When the last delivery attempt ended, in a receipt or a failure (UTC).',
  })
  @Column({ name: 'last_attempt_at', type: 'datetime', nullable: true })
  lastAttemptAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the next attempt is due (UTC); null once delivered.' })
  @Column({ name: 'next_attempt_at', type: 'datetime', nullable: true })
  nextAttemptAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed; null after a delivery.' })
  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Field(() => Date, { nullable: true, description: 'When the platform acknowledged the report (UTC).' })
  @Column({ name: 'delivered_at', type: 'datetime', nullable: true })
  deliveredAt: Date | null;

  @Field(() => String, { nullable: true, description: "The platform's receipt number (回执编号) for the report." })
  @Column({ name: 'receipt_number', type: 'varchar', length: 64, nullable: true })
  receiptNumber: string | null;

  @Field(() => PlatformReportState, {
    description: 'PENDING until the platform acknowledges the report, then DELIVERED.',
  })
  get state(): PlatformReportState {
    return this.deliveredAt ? PlatformReportState.DELIVERED : PlatformReportState.PENDING;
  }
}
