import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { freeText } from '../../../platform/crypto/encrypted-column';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum SegmentStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REFUSED = 'REFUSED',
}

registerEnumType(SegmentStatus, {
  name: 'SegmentStatus',
  description: "Where one province's part of a parallel approval (并联许可) stands.",
  valuesConfig: {
    PENDING: { description: 'Not yet decided by the province.' },
    APPROVED: { description: 'Approved by the province.' },
    REFUSED: { description: 'Refused by the province; the application is refused.' },
  },
});

/**
 * One province on the route of a cross-province oversize transport (跨省大件运输). The province's licensing
 * reviewers decide its segment, and the application is visible to the province through this row.
 */
@ObjectType({
  description:
    "One province's segment of a cross-province oversize transport route, approved in parallel by that province (并联许可).",
})
@Entity({ name: 'permit_route_segment' })
@Index('uq_route_segment_application_province', ['applicationId', 'provinceCode'], { unique: true })
@Index('ix_route_segment_province', ['provinceCode', 'applicationId'])
export class RouteSegment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'application_id', type: 'int' })
  applicationId: number;

  @Field({ description: 'GB/T 2260 code of the province (xx0000).' })
  @Column({ name: 'province_code', type: 'varchar', length: 6 })
  provinceCode: string;

  @Field(() => Int, { description: 'Position of the province along the route, from 1 at the origin.' })
  @Column({ type: 'int' })
  position: number;

  @Field(() => SegmentStatus, { description: "The province's decision on its segment." })
  @Column({ type: 'varchar', length: 16 })
  status: SegmentStatus;

  @Field(() => String, { nullable: true, description: 'The reviewer who decided the segment (username).' })
  @Column({ name: 'decided_by', type: 'varchar', length: 100, nullable: true })
  decidedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When the segment was decided (UTC).' })
  @Column({ name: 'decided_at', type: 'datetime', nullable: true })
  decidedAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "The province's conditions (escort, time window) or reasons for refusal.",
  })
  @Column({ type: 'text', nullable: true, transformer: freeText('licensing', 'permit_route_segment.comment') })
  comment: string | null;
}
