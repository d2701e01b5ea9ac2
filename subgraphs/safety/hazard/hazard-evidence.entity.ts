import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { freeText } from '../../../platform/crypto/encrypted-column';

export enum HazardEvidenceStage {
  FOUND = 'FOUND',
  RECTIFIED = 'RECTIFIED',
}

registerEnumType(HazardEvidenceStage, {
  name: 'HazardEvidenceStage',
  description: 'When a piece of hazard evidence was attached.',
  valuesConfig: {
    FOUND: { description: 'When the hazard was found (检查取证).' },
    RECTIFIED: { description: 'With a report of its rectification (整改佐证).' },
  },
});

@ObjectType({ description: 'A photo or document about a hidden hazard, with the SM3 digest of its bytes.' })
@Entity({ name: 'hazard_evidence' })
@Index('ix_hazard_evidence_hazard', ['hazardId'])
export class HazardEvidence {
  @Field(() => ID, { description: 'Identifier of the evidence.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'hazard_id', type: 'int' })
  hazardId: number;

  @Field(() => HazardEvidenceStage, { description: 'When it was attached.' })
  @Column({ type: 'varchar', length: 16 })
  stage: HazardEvidenceStage;

  @Field({ description: 'File name as uploaded.' })
  @Column({ name: 'file_name', type: 'text', transformer: freeText('safety', 'hazard_evidence.file_name') })
  fileName: string;

  @Field(() => Int, { description: 'Size in bytes.' })
  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes: number;

  @Field({ description: 'SM3 (GB/T 32905-2016) digest of the bytes, lower-case hex; checked whenever they are read.' })
  @Column({ name: 'sm3_digest', type: 'varchar', length: 64 })
  sm3Digest: string;

  // Where the platform's file store keeps the bytes; not shown to clients.
  @Column({ name: 'storage_reference', type: 'varchar', length: 300 })
  storageReference: string;

  @Field({ description: 'Who attached it (username).' })
  @Column({ name: 'uploaded_by', type: 'varchar', length: 100 })
  uploadedBy: string;

  @Field({ description: 'When it was attached (UTC).' })
  @Column({ name: 'uploaded_at', type: 'datetime' })
  uploadedAt: Date;
}
