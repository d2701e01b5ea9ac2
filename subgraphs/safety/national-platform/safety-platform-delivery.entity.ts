import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DeliveryAttempts } from '../../../platform/national-platform/delivery-attempts';
import type { SafetyReportType } from './safety-report';

export enum SafetyDeliveryState {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  REFUSED = 'REFUSED',
}

registerEnumType(SafetyDeliveryState, {
  name: 'SafetyDeliveryState',
  description: 'Where a report to the national safety supervision platform (国家安全生产监管平台) stands.',
  valuesConfig: {
    PENDING: {
      description:
        '待报送: recorded with the change, not yet acknowledged by the platform; retried with backoff, after the version before it.',
    },
    DELIVERED: { description: '已报送: the platform acknowledged it with a receipt (回执), now or as a duplicate.' },
    REFUSED: {
      description:
        '被拒收: the platform refused it for good; needs a safety officer, later versions of the report wait.',
    },
  },
});

/** The GraphQL form of SafetyReportType (safety-report.ts holds the list). */
export enum SafetyReportKind {
  MAJOR_HAZARD = 'MAJOR_HAZARD',
  ACCIDENT = 'ACCIDENT',
  CROSS_PROVINCE_WAYBILL = 'CROSS_PROVINCE_WAYBILL',
}

registerEnumType(SafetyReportKind, {
  name: 'SafetyReportType',
  description: 'The kind of report sent to the national safety supervision platform.',
  valuesConfig: {
    MAJOR_HAZARD: { description: '重大隐患: a major hidden hazard and its rectification.' },
    ACCIDENT: { description: '事故快报: an accident report and its follow-ups.' },
    CROSS_PROVINCE_WAYBILL: {
      description: '跨省运单: the summary of a hazardous-goods waybill crossing a provincial border.',
    },
  },
});

/**
 * The push outbox to the national safety supervision platform: one row per version of a report, written
 * in the transaction that made the change (unique on type, id and version, so recording twice adds
 * nothing), delivered at least once by the relay, in version order per report.
 */
@ObjectType('NationalSafetyDelivery', {
  description:
    'One version of a report to the national safety supervision platform (国家安全生产监管平台), and how its delivery stands.',
})
@Entity({ name: 'safety_platform_delivery' })
@Index('uq_safety_platform_delivery_version', ['reportType', 'reportId', 'version'], { unique: true })
@Index('ix_safety_platform_delivery_due', ['state', 'nextAttemptAt', 'id'])
@Index('ix_safety_platform_delivery_region', ['regionCode', 'id'])
export class SafetyPlatformDelivery extends DeliveryAttempts {
  @Field(() => ID, { description: 'The delivery’s own number.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => SafetyReportKind, { description: 'What kind of report this is a version of.' })
  @Column({ name: 'report_type', type: 'varchar', length: 24 })
  reportType: SafetyReportType;

  @Field({ description: 'The report’s identifier within its type (e.g. the waybill number).' })
  @Column({ name: 'report_id', type: 'varchar', length: 64 })
  reportId: string;

  @Field(() => Int, { description: 'The version sent: 1 for the report as first made, +1 for every change.' })
  @Column({ type: 'integer' })
  version: number;

  @Field({ description: 'GB/T 2260 code of the reporting region (上报地区).' })
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  /** The report at this version as JSON: facts and codes only. */
  @Column({ type: 'text' })
  payload: string;

  @Field(() => SafetyDeliveryState, { description: 'Pending, delivered, or refused by the platform.' })
  @Column({ type: 'varchar', length: 16 })
  state: SafetyDeliveryState;
}
