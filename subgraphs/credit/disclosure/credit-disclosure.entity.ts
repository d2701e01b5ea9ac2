import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, type ValueTransformer } from 'typeorm';
import { DisclosureKind, LicenseStatus } from './disclosure-kind';
import { DishonestySeverity } from './publicity-rules';

const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

@ObjectType({
  description:
    'A licence or penalty decision as published to the public (双公示): counterpart, document, basis, content, authority and dates.',
})
@Entity({ name: 'credit_disclosure' })
@Index('uq_credit_disclosure_document', ['kind', 'documentNumber'], { unique: true })
@Index('ix_credit_disclosure_subject', ['creditCode'])
@Index('ix_credit_disclosure_public_name', ['counterpartName', 'displayEndedAt', 'publicUntil', 'publishedAt'])
@Index('ix_credit_disclosure_publication', ['publishedAt', 'publishBy'])
export class CreditDisclosure {
  @Field(() => ID, { description: 'Identifier of the disclosure, for credit officers’ corrections and repair.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int, {
    description:
      'Version of the disclosure: 1 as decided, +1 for every correction, status change, repair or end of display.',
  })
  @Column({ type: 'int', default: 1 })
  version: number;

  @Field(() => DisclosureKind, { description: 'Licence (行政许可) or penalty (行政处罚).' })
  @Column({ type: 'varchar', length: 32 })
  kind: DisclosureKind;

  @Field(() => String, {
    nullable: true,
    description:
      'Name of the administrative counterpart (行政相对人名称), an enterprise; null until credit learns it from the registry.',
  })
  @Column({ name: 'counterpart_name', type: 'varchar', length: 200, nullable: true })
  counterpartName: string | null;

  @Field({ description: 'Unified social credit code (统一社会信用代码) of the counterpart.' })
  @Column({ name: 'credit_code', type: 'varchar', length: 18 })
  creditCode: string;

  @Field({ description: 'Decision document number (决定文书号): the permit number or the case number.' })
  @Column({ name: 'document_number', type: 'varchar', length: 64 })
  documentNumber: string;

  @Field({ description: 'The licensing matter (许可事项) or the offence (违法行为) the decision is about.' })
  @Column({ type: 'varchar', length: 1000 })
  matter: string;

  @Field({ description: 'Legal basis (依据) of the decision.' })
  @Column({ name: 'legal_basis', type: 'varchar', length: 500 })
  legalBasis: string;

  @Field({ description: 'Content of the decision (许可内容 / 处罚内容): what was granted or imposed.' })
  @Column({ type: 'varchar', length: 1200 })
  content: string;

  @Field(() => String, {
    nullable: true,
    description: 'The penalty kind (处罚类别) as enforcement names it, e.g. FINE; null for a licence.',
  })
  @Column({ name: 'penalty_kind', type: 'varchar', length: 24, nullable: true })
  penaltyKind: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The fine in fen (罚款金额, 1 yuan = 100 fen), when one was imposed.',
  })
  @Column({ name: 'fine_fen', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  fineFen: number | null;

  @Field({ description: 'The deciding authority (决定机关), the region’s transport authority.' })
  @Column({ name: 'authority_name', type: 'varchar', length: 100 })
  authorityName: string;

  @Field({ description: 'GB/T 2260 code of the deciding authority’s region (决定机关代码).' })
  @Column({ name: 'authority_code', type: 'varchar', length: 6 })
  authorityCode: string;

  @Field({ description: 'When the decision was made (决定日期, UTC).' })
  @Column({ name: 'decided_at', type: 'datetime' })
  decidedAt: Date;

  @Field(() => String, { nullable: true, description: 'A licence’s first valid day (有效期自), China Standard Time.' })
  @Column({ name: 'valid_from', type: 'varchar', length: 10, nullable: true })
  validFrom: string | null;

  @Field(() => String, { nullable: true, description: 'A licence’s last valid day (有效期至), China Standard Time.' })
  @Column({ name: 'valid_until', type: 'varchar', length: 10, nullable: true })
  validUntil: string | null;

  @Field({
    description:
      'Last day it must be published by (公示期限): the 7th working day after the decision, China Standard Time.',
  })
  @Column({ name: 'publication_deadline', type: 'varchar', length: 10 })
  publicationDeadline: string;

  /** The end of the deadline day (its next midnight, China Standard Time), for SQL comparisons. */
  @Column({ name: 'publish_by', type: 'datetime' })
  publishBy: Date;

  // When statistics was told it missed its deadline unpublished (`credit.disclosure-overdue`).
  @Column({ name: 'overdue_reported_at', type: 'datetime', nullable: true })
  overdueReportedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was published (公示日期, UTC); null until then.' })
  @Column({ name: 'published_at', type: 'datetime', nullable: true })
  publishedAt: Date | null;

  @Field({
    description:
      'Until when it stays public at the most (公示截止, UTC): a licence while valid; a penalty the maximum publicity period from the decision.',
  })
  @Column({ name: 'public_until', type: 'datetime' })
  publicUntil: Date;

  @Field(() => LicenseStatus, {
    nullable: true,
    description: 'A licence’s status as licensing last reported it (VALID, SUSPENDED, REVOKED); null for a penalty.',
  })
  @Column({ name: 'license_status', type: 'varchar', length: 16, nullable: true })
  licenseStatus: LicenseStatus | null;

  @Field(() => DishonestySeverity, {
    nullable: true,
    description: 'A penalty’s dishonesty (一般失信 / 严重失信), which sets its publicity period; null for a licence.',
  })
  @Column({ type: 'varchar', length: 16, nullable: true })
  severity: DishonestySeverity | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'From when the subject may apply for credit repair (信用修复, UTC): the decision plus the minimum period; null for a licence.',
  })
  @Column({ name: 'repairable_from', type: 'datetime', nullable: true })
  repairableFrom: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the public display ended (UTC): by an approved repair, or at the end of the maximum period; null while shown.',
  })
  @Column({ name: 'display_ended_at', type: 'datetime', nullable: true })
  displayEndedAt: Date | null;
}
