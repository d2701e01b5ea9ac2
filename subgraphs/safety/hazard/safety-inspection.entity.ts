import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { freeText } from '../../../platform/crypto/encrypted-column';

@ObjectType({
  description: 'A safety inspection of an enterprise (安全生产检查) and what it found (隐患排查).',
})
@Entity({ name: 'safety_inspection' })
@Index('ix_safety_inspection_enterprise', ['creditCode'])
@Index('ix_safety_inspection_region', ['regionCode', 'id'])
export class SafetyInspection {
  @Field(() => ID, { description: 'Identifier of the inspection.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'Unified social credit code of the inspected enterprise.' })
  @Column({ name: 'credit_code', type: 'varchar', length: 18 })
  creditCode: string;

  @Field({ description: "GB/T 2260 code of the enterprise's region; the hazards found belong to it." })
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Field({ description: 'The day of the inspection, China date YYYY-MM-DD (检查日期).' })
  @Column({ name: 'inspected_on', type: 'varchar', length: 10 })
  inspectedOn: string;

  @Field({ description: 'The inspecting officers (检查人员), names and badge numbers separated by 、.' })
  @Column({ type: 'text', transformer: freeText('safety', 'safety_inspection.inspectors') })
  inspectors: string;

  @Field({ description: 'What the inspection found, in the inspectors’ words (检查情况).' })
  @Column({ type: 'text', transformer: freeText('safety', 'safety_inspection.findings') })
  findings: string;

  @Field({ description: 'Who recorded the inspection (username); may not verify its hazards’ rectification.' })
  @Column({ name: 'recorded_by', type: 'varchar', length: 100 })
  recordedBy: string;

  @Field({ description: 'When it was recorded (UTC).' })
  @Column({ name: 'recorded_at', type: 'datetime' })
  recordedAt: Date;
}
