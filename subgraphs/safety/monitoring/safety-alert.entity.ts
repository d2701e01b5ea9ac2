import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { freeText } from '../../../platform/crypto/encrypted-column';

export enum SafetyAlertKind {
  SPEEDING = 'SPEEDING',
  FATIGUE_DRIVING = 'FATIGUE_DRIVING',
  NIGHT_COACH = 'NIGHT_COACH',
  OFFLINE = 'OFFLINE',
}

registerEnumType(SafetyAlertKind, {
  name: 'SafetyAlertKind',
  description: 'What a key-vehicle monitoring alert (动态监控报警) is about.',
  valuesConfig: {
    SPEEDING: { description: "Above the category's speed limit for the sustained time (超速)." },
    FATIGUE_DRIVING: { description: 'Continuous driving beyond the day or night limit without rest (疲劳驾驶).' },
    NIGHT_COACH: { description: 'A coach running between 02:00 and 05:00 China time (客车凌晨2时至5时违规运行).' },
    OFFLINE: { description: 'No position for too long while carrying hazardous goods in transit (车辆离线).' },
  },
});

export enum SafetyAlertStatus {
  OPEN = 'OPEN',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  CLOSED = 'CLOSED',
  ESCALATED = 'ESCALATED',
}

registerEnumType(SafetyAlertStatus, {
  name: 'SafetyAlertStatus',
  description: 'Where an alert stands in the safety officers’ work queue.',
  valuesConfig: {
    OPEN: { description: 'Raised, nobody has taken it yet (待处理).' },
    ACKNOWLEDGED: { description: 'An officer has taken it (已确认).' },
    CLOSED: { description: 'Dealt with, with a disposition (已处置); final.' },
    ESCALATED: { description: 'Handed to enforcement as a draft case (已移交执法); final.' },
  },
});

/** Which statuses each status may move to; anything else is refused with CONFLICT. */
export const SAFETY_ALERT_TRANSITIONS: Readonly<Record<SafetyAlertStatus, readonly SafetyAlertStatus[]>> = {
  OPEN: [SafetyAlertStatus.ACKNOWLEDGED, SafetyAlertStatus.CLOSED, SafetyAlertStatus.ESCALATED],
  ACKNOWLEDGED: [SafetyAlertStatus.CLOSED, SafetyAlertStatus.ESCALATED],
  CLOSED: [],
  ESCALATED: [],
};

@ObjectType({ description: 'An alert derived from a key vehicle’s positions (重点营运车辆动态监控报警).' })
@Entity({ name: 'safety_alert' })
@Index('ix_safety_alert_region_status', ['regionCode', 'status', 'id'])
@Index('ix_safety_alert_plate_status', ['plateNumber', 'status'])
@Index('ix_safety_alert_owner_time', ['ownerCreditCode', 'occurredAt'])
export class SafetyAlert {
  @Field(() => Int, { description: 'The alert’s number.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => SafetyAlertKind, { description: 'What the alert is about.' })
  @Column({ type: 'varchar', length: 16 })
  kind: SafetyAlertKind;

  @Field({ description: 'Plate number (号牌号码) of the vehicle.' })
  @Column({ name: 'plate_number', type: 'varchar', length: 8 })
  plateNumber: string;

  @Field({ description: 'Unified social credit code of the vehicle’s owner (经营业户).' })
  @Column({ name: 'owner_credit_code', type: 'varchar', length: 18 })
  ownerCreditCode: string;

  @Field({ description: 'GB/T 2260 code of the region that certified the vehicle; its officers handle the alert.' })
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Field({ description: 'When the triggering position was taken (UTC).' })
  @Column({ name: 'occurred_at', type: 'datetime' })
  occurredAt: Date;

  @Field(() => Float, { nullable: true, description: 'WGS-84 longitude of the triggering position.' })
  @Column({ name: 'longitude_e6', type: 'int', nullable: true, transformer: microDegrees() })
  longitude: number | null;

  @Field(() => Float, { nullable: true, description: 'WGS-84 latitude of the triggering position.' })
  @Column({ name: 'latitude_e6', type: 'int', nullable: true, transformer: microDegrees() })
  latitude: number | null;

  @Field({ description: 'What happened, in Chinese, for officers (报警描述).' })
  @Column({ name: 'description_zh', type: 'varchar', length: 300 })
  descriptionZh: string;

  @Field({ description: 'What happened, in English.' })
  @Column({ name: 'description_en', type: 'varchar', length: 300 })
  descriptionEn: string;

  @Field(() => SafetyAlertStatus, { description: 'Where the alert stands.' })
  @Column({ type: 'varchar', length: 16 })
  status: SafetyAlertStatus;

  @Field({ description: 'When the alert was raised (UTC).' })
  @Column({ name: 'raised_at', type: 'datetime' })
  raisedAt: Date;

  @Field(() => String, { nullable: true, description: 'Who acknowledged it (username).' })
  @Column({ name: 'acknowledged_by', type: 'varchar', length: 100, nullable: true })
  acknowledgedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was acknowledged (UTC).' })
  @Column({ name: 'acknowledged_at', type: 'datetime', nullable: true })
  acknowledgedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Who closed or escalated it (username).' })
  @Column({ name: 'handled_by', type: 'varchar', length: 100, nullable: true })
  handledBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was closed or escalated (UTC).' })
  @Column({ name: 'handled_at', type: 'datetime', nullable: true })
  handledAt: Date | null;

  @Field(() => String, { nullable: true, description: 'How it was dealt with (处置情况), or why it was escalated.' })
  @Column({ type: 'text', nullable: true, transformer: freeText('safety', 'safety_alert.disposition') })
  disposition: string | null;

  @Field(() => Int, { description: 'Version for optimistic concurrency: pass it back as `expectedVersion`.' })
  @VersionColumn()
  version: number;
}

function microDegrees() {
  return {
    to: (value: number | null | undefined) =>
      value === null || value === undefined ? value : Math.round(value * 1_000_000),
    from: (value: number | null) => (value === null ? null : value / 1_000_000),
  };
}
