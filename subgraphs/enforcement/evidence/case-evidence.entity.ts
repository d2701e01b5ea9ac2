import { Field, ID, Int, ObjectType } from 'type-graphql';
import { freeText } from '../../../platform/crypto/encrypted-column';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { EvidenceKind } from './evidence-kind';

@ObjectType({
  description:
    'An item of evidence of a case (证据): its metadata and the SM3 digest of its bytes, taken when it was stored. The bytes are checked against the digest whenever they are read or handed over to another region.',
})
@Entity({ name: 'case_evidence' })
@Index('ix_case_evidence_case', ['caseId'])
@Index('ix_case_evidence_assistance', ['assistanceRequestId'])
export class CaseEvidence {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'case_id', type: 'int' })
  caseId: number;

  @Field(() => EvidenceKind, { description: 'What the item is.' })
  @Column({ type: 'varchar', length: 16 })
  kind: EvidenceKind;

  @Field({ description: 'What the item shows or records, e.g. 车辆超限现场照片.' })
  @Column({ type: 'text', transformer: freeText('enforcement', 'case_evidence.title') })
  title: string;

  @Field({ description: 'The file name as collected.' })
  @Column({ name: 'file_name', type: 'text', transformer: freeText('enforcement', 'case_evidence.file_name') })
  fileName: string;

  @Field(() => Int, { description: 'Size of the file in bytes.' })
  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes: number;

  @Field({
    description: 'SM3 (GB/T 32905-2016) digest of the bytes, lower-case hex, recorded when the item was stored.',
  })
  @Column({ name: 'sm3_digest', type: 'varchar', length: 64 })
  sm3Digest: string;

  // Where the file store keeps the bytes; not shown, so no caller can address the store directly.
  @Column({ name: 'storage_reference', type: 'varchar', length: 200 })
  storageReference: string;

  @Field({ description: 'When the evidence was collected (UTC).' })
  @Column({ name: 'collected_at', type: 'datetime' })
  collectedAt: Date;

  @Field({ description: 'Who stored the item (username).' })
  @Column({ name: 'added_by', type: 'varchar', length: 100 })
  addedBy: string;

  @Field({ description: 'When the item was stored (UTC).' })
  @Column({ name: 'added_at', type: 'datetime' })
  addedAt: Date;

  @Field({
    description:
      'GB/T 2260 code of the region whose officers collected the item: the handling region, or the region that answered an assistance request.',
  })
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Column({ name: 'assistance_request_id', type: 'int', nullable: true })
  assistanceRequestId: number | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the item became part of the case file (UTC): when stored by the handling region, or when the assistance answer handed it over with its digest verified; null until then.',
  })
  @Column({ name: 'handed_over_at', type: 'datetime', nullable: true })
  handedOverAt: Date | null;

  @Field(() => ID, { name: 'id', description: 'Identifies the item, e.g. for `caseEvidenceContent`.' })
  get evidenceId(): string {
    return String(this.id);
  }

  @Field(() => ID, {
    name: 'assistanceRequestId',
    nullable: true,
    description: 'The assistance request the item was collected for, when it was.',
  })
  get assistanceRequestKey(): string | null {
    return this.assistanceRequestId === null ? null : String(this.assistanceRequestId);
  }
}
