import { Field, ObjectType } from 'type-graphql';
import { freeText } from '../../../platform/crypto/encrypted-column';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CaseShareKind } from './case-share-kind';

@ObjectType({
  description:
    'A share of a case with another region: shared for reading (案件共享), under review for a transfer there, or kept by the region that handed it over. Officers there read the case; only the handling region acts on it.',
})
@Entity({ name: 'case_share' })
@Index('ix_case_share_case_region', ['caseId', 'regionCode'])
export class CaseShare {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'case_id', type: 'int' })
  caseId: number;

  @Field({
    description:
      'GB/T 2260 code of the region the case is shared with; officers of that region and the regions above it read the case.',
  })
  @Index('ix_case_share_region')
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Field(() => CaseShareKind, { description: 'Why the region may read the case.' })
  @Column({ type: 'varchar', length: 16, default: CaseShareKind.READ })
  kind: CaseShareKind;

  @Field({ description: 'Why the case is shared (共享事由), e.g. a request to verify a vehicle registered there.' })
  @Column({ type: 'text', transformer: freeText('enforcement', 'case_share.reason') })
  reason: string;

  @Field({ description: 'Who shared the case (username).' })
  @Column({ name: 'shared_by', type: 'varchar', length: 100 })
  sharedBy: string;

  @Field({ description: 'When the case was shared (UTC).' })
  @Column({ name: 'shared_at', type: 'datetime' })
  sharedAt: Date;

  @Column({ name: 'revoked_by', type: 'varchar', length: 100, nullable: true })
  revokedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When the share was revoked (UTC); null while it is active.' })
  @Column({ name: 'revoked_at', type: 'datetime', nullable: true })
  revokedAt: Date | null;
}
