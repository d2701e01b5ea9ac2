import { Field, Int, ObjectType } from 'type-graphql';
import { ExtensionStatus, ReviewRecommendation } from './application-status';
import { PermitKind } from './permit-kind';

// Read-only shapes the permit application shows, built from its columns and the kind table.

@ObjectType({ description: 'A material the permit kind requires (申请材料).' })
export class MaterialRequirement {
  @Field({ description: 'Material code, as used in return notices and attachments.' })
  code: string;

  @Field({ description: 'Name of the material.' })
  name: string;
}

@ObjectType({
  description:
    'The single notice (一次性告知) listing everything missing from an application, given when it was returned.',
})
export class ReturnNotice {
  @Field(() => [MaterialRequirement], { description: 'Every material missing or to be corrected.' })
  missingMaterials: MaterialRequirement[];

  @Field({ description: "The officer's note to the applicant." })
  note: string;

  @Field({ description: 'Who returned it (username).' })
  returnedBy: string;

  @Field({ description: 'When it was returned (UTC).' })
  returnedAt: Date;
}

@ObjectType({ description: 'The review opinion (审查意见) a reviewer recorded before the decision.' })
export class ReviewOpinion {
  @Field(() => ReviewRecommendation, { description: 'What the reviewer recommends.' })
  recommendation: ReviewRecommendation;

  @Field({ description: 'The opinion and its grounds.' })
  opinion: string;

  @Field({ description: 'Who reviewed (username).' })
  reviewedBy: string;

  @Field({ description: 'When (UTC).' })
  reviewedAt: Date;
}

@ObjectType({ description: 'A request to extend the decision deadline (延长审查期限), allowed once per application.' })
export class DeadlineExtension {
  @Field(() => ExtensionStatus, { description: 'Where the request stands.' })
  status: ExtensionStatus;

  @Field({ description: 'Why the officer asked for more time.' })
  reason: string;

  @Field(() => Int, { description: 'Working days the deadline moves by when approved.' })
  workingDays: number;

  @Field({ description: 'Who asked (username).' })
  requestedBy: string;

  @Field({ description: 'When (UTC).' })
  requestedAt: Date;

  @Field(() => String, { nullable: true, description: 'The reviewer who approved or refused it (username).' })
  decidedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was approved or refused (UTC).' })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true, description: "The reviewer's comment." })
  comment: string | null;
}

@ObjectType({
  description:
    'What the law sets for one kind of permit: materials, who acts on each step, and the statutory deadlines in working days.',
})
export class PermitKindDefinition {
  @Field(() => PermitKind, { description: 'The kind.' })
  kind: PermitKind;

  @Field({ description: 'The regulations the materials and deadlines come from.' })
  legalBasis: string;

  @Field(() => [MaterialRequirement], { description: 'Materials an application must include.' })
  requiredMaterials: MaterialRequirement[];

  @Field(() => [String], {
    description: 'Realm roles that may submit (and resubmit or withdraw) applications for the enterprise.',
  })
  submitRoles: string[];

  @Field(() => [String], {
    description: 'Realm roles that may accept or return applications and request deadline extensions.',
  })
  acceptRoles: string[];

  @Field(() => [String], { description: 'Realm roles that may record the review opinion.' })
  reviewRoles: string[];

  @Field(() => [String], {
    description: 'Realm roles that may decide (approve or refuse), approve extensions, and suspend or revoke permits.',
  })
  decideRoles: string[];

  @Field(() => Int, { description: 'Working days from acceptance to the decision.' })
  decisionWorkingDays: number;

  @Field(() => Int, { description: 'Working days the decision deadline may be extended by, once, with approval.' })
  extensionWorkingDays: number;

  @Field(() => Int, {
    description:
      'Working days from the decision to issuing the permit (the electronic certificate is issued with the approval).',
  })
  issueWorkingDays: number;

  @Field({ description: 'True when a review opinion must be recorded before the decision.' })
  reviewRequired: boolean;

  @Field({ description: 'True when every province on the route approves its own segment (并联许可).' })
  parallelApprovalByRoute: boolean;

  @Field({
    description: 'True when the investment project and its tender award are checked at the national platforms.',
  })
  investmentProjectRequired: boolean;

  @Field(() => Int, { description: 'Years a permit of this kind is valid from issue.' })
  validityYears: number;
}
