import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { HazardLevel } from '../hazard-rules';
import { HiddenHazard } from '../hidden-hazard.entity';
import { SafetyInspection } from '../safety-inspection.entity';

@InputType({ description: 'A photo or document as evidence, base64-encoded.' })
export class HazardDocumentInput {
  @Field({ description: 'File name (1-200 characters, no path).' })
  fileName: string;

  @Field({ description: 'The file, base64-encoded; at most 5 MiB once decoded (and within the request limit).' })
  contentBase64: string;
}

@InputType({ description: 'A hidden hazard found by the inspection.' })
export class HiddenHazardInput {
  @Field(() => HazardLevel, { description: 'General (一般隐患) or major (重大隐患).' })
  level: HazardLevel;

  @Field({ description: 'What the hazard is and where (1-1000 characters).' })
  description: string;

  @Field(() => [HazardDocumentInput], {
    nullable: true,
    description: 'Photos or documents taken when it was found (0-10).',
  })
  evidence?: HazardDocumentInput[] | null;
}

@InputType({ description: 'A safety inspection of an enterprise (安全生产检查) with the hidden hazards it found.' })
export class RecordSafetyInspectionInput {
  @Field({ description: 'Credit code of the inspected enterprise, validated with its check character.' })
  creditCode: string;

  @Field({ description: "GB/T 2260 code of the enterprise's region; must lie within your region." })
  regionCode: string;

  @Field({ description: 'Day of the inspection, China date YYYY-MM-DD; not in the future.' })
  inspectedOn: string;

  @Field(() => [String], {
    description: 'The inspecting officers, names and badge numbers (1-10, each 1-50 characters).',
  })
  inspectors: string[];

  @Field({ description: 'What the inspection found (检查情况, 1-2000 characters).' })
  findings: string;

  @Field(() => [HiddenHazardInput], { description: 'The hidden hazards found (0-50); none when all was in order.' })
  hazards: HiddenHazardInput[];
}

@ObjectType({ description: 'The result of recording an inspection.' })
export class RecordSafetyInspectionPayload {
  @Field(() => SafetyInspection, { description: 'The inspection as recorded, with its hazards.' })
  inspection: SafetyInspection;
}

@InputType({ description: 'Rectification of a hidden hazard, reported with evidence (整改报告).' })
export class ReportHazardRectificationInput {
  @Field(() => ID, { description: 'The hazard’s id.' })
  hazardId: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The version read; a changed hazard is refused (CONFLICT, STALE_VERSION).',
  })
  expectedVersion?: number | null;

  @Field({ description: 'What was done to put it right (1-1000 characters).' })
  note: string;

  @Field(() => [HazardDocumentInput], { description: 'Evidence of the rectification (1-10 documents).' })
  evidence: HazardDocumentInput[];
}

@InputType({
  description:
    'Verification of a reported rectification (复查) by a second officer: passed closes the hazard, failed reopens it.',
})
export class VerifyHazardRectificationInput {
  @Field(() => ID, { description: 'The hazard’s id.' })
  hazardId: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The version read; a changed hazard is refused (CONFLICT, STALE_VERSION).',
  })
  expectedVersion?: number | null;

  @Field({ description: 'Whether the rectification holds (复查合格).' })
  passed: boolean;

  @Field({ description: 'The verifying officer’s opinion (1-1000 characters).' })
  note: string;
}

@ObjectType({ description: 'A hidden hazard after a step.' })
export class HiddenHazardPayload {
  @Field(() => HiddenHazard, { description: 'The hazard as it now stands.' })
  hazard: HiddenHazard;
}
