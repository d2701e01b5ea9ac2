import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { codeListColumn } from '../../../platform/database/code-list-column';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { chinaToday } from '../../../platform/time/china-time';
import { PermitKind } from './permit-kind';

export enum PermitStatus {
  VALID = 'VALID',
  SUSPENDED = 'SUSPENDED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(PermitStatus, {
  name: 'PermitStatus',
  description: 'Whether a permit may be relied on today.',
  valuesConfig: {
    VALID: { description: 'In force.' },
    SUSPENDED: { description: 'Suspended (暂扣) by a decision; may be restored.' },
    REVOKED: { description: 'Revoked (吊销/撤销); final.' },
    EXPIRED: { description: 'Past its validity date.' },
  },
});

@ObjectType({ description: 'An administrative permit (行政许可证件) issued to an enterprise.' })
@Entity({ name: 'permit' })
@Index('ix_permit_holder', ['creditCode'])
export class Permit {
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'Permit number, unique nationally.' })
  @Index('uq_permit_number', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  number: string;

  @Field(() => PermitKind, { description: 'What the permit allows.' })
  @Column({ type: 'varchar', length: 40 })
  kind: PermitKind;

  @Field({ description: 'Business scope granted (经营范围).' })
  @Column({ type: 'varchar', length: 500 })
  scope: string;

  @Field(() => [String], {
    description:
      'GB 6944 classes or divisions of dangerous goods covered (危险货物类别), for HAZARDOUS_GOODS_TRANSPORT; empty otherwise.',
  })
  @Column({ name: 'hazard_classes', type: 'varchar', length: 64, nullable: true, transformer: codeListColumn })
  hazardClasses: string[];

  @Field({ description: 'Credit code of the holder.' })
  @Column({ name: 'credit_code', type: 'varchar', length: 18 })
  creditCode: string;

  @Field({ description: 'GB/T 2260 code of the issuing authority.' })
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Field({ description: 'Number of the application this permit was issued on.' })
  @Column({ name: 'application_number', type: 'varchar', length: 32 })
  applicationNumber: string;

  @Column({ name: 'status', type: 'varchar', length: 16 })
  recordedStatus: PermitStatus;

  @Field({ description: 'When the permit was issued (UTC).' })
  @Column({ name: 'issued_at', type: 'datetime' })
  issuedAt: Date;

  @Field({ description: 'First day of validity, YYYY-MM-DD, China Standard Time.' })
  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Field({ description: 'Last day of validity, YYYY-MM-DD, China Standard Time.' })
  @Column({ name: 'valid_until', type: 'date' })
  validUntil: string;

  @Field(() => PermitStatus, { description: 'Status today: a valid permit past its last day reads EXPIRED.' })
  get status(): PermitStatus {
    if (this.recordedStatus === PermitStatus.VALID && this.validUntil < chinaToday()) return PermitStatus.EXPIRED;
    return this.recordedStatus;
  }
}
