import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { ReviewRecommendation } from '../application-status';
import { PermitApplication } from '../permit-application.entity';
import { PermitKind } from '../permit-kind';
import { Permit } from '../permit.entity';

@InputType({
  description:
    'An application for a permit, submitted online for an enterprise (by its agent or an officer on its behalf).',
})
export class SubmitPermitApplicationInput {
  @Field({ description: 'Credit code of the applying enterprise (must be registered).' })
  creditCode: string;

  @Field(() => PermitKind, { description: 'The permit applied for.' })
  kind: PermitKind;

  @Field({ description: 'Business scope applied for (1-500 characters).' })
  scope: string;

  @Field({
    description:
      'GB/T 2260 code of the authority the application is made to; for a cross-province oversize transport, the origin province (xx0000).',
  })
  regionCode: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Investment project code (投资项目统一代码, GB/T 40058-2021 shape YYYY-RRRRRR-DD-TT-NNNNNC); required for HIGHWAY_CONSTRUCTION only.',
  })
  investmentProjectCode?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Provinces on the route in order, origin first (GB/T 2260 xx0000 codes, at least two, including the handling province); required for CROSS_PROVINCE_OVERSIZE_TRANSPORT only.',
  })
  routeProvinceCodes?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'GB 6944 classes or divisions of dangerous goods to be carried (e.g. ["2.1", "3"]); required for HAZARDOUS_GOODS_TRANSPORT only.',
  })
  hazardClasses?: string[] | null;
}

@InputType({ description: 'Acts on an application at the version the officer saw.' })
export class ApplicationActionInput {
  @Field({ description: 'Application number.' })
  applicationNumber: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The version the officer saw; a later change makes the action fail with CONFLICT.',
  })
  expectedVersion?: number | null;
}

@InputType({ description: 'Approval of an accepted (or reviewed) application.' })
export class ApprovePermitApplicationInput extends ApplicationActionInput {
  @Field(() => String, { nullable: true, description: 'Conditions attached to the approval.' })
  conditions?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the permit is granted although the applicant is on the serious-dishonesty list (联合惩戒, 仍予许可的理由); required then, when the kind allows it. 1-1000 characters, recorded on the history.',
  })
  jointDisciplineReason?: string | null;
}

@InputType({
  description: 'Refusal of an application: not accepted (不予受理) before acceptance, not granted (不予许可) after it.',
})
export class RejectPermitApplicationInput extends ApplicationActionInput {
  @Field({ description: 'Reasons for refusal (required, 1-1000 characters).' })
  reason: string;
}

@InputType({
  description:
    'Returns a submitted application with one notice of everything missing (一次性告知); allowed once per application.',
})
export class ReturnPermitApplicationInput extends ApplicationActionInput {
  @Field(() => [String], {
    description:
      "Codes of every material missing or to be corrected, from the kind's required materials (at least one).",
  })
  missingMaterialCodes: string[];

  @Field({ description: 'The note to the applicant (1-1000 characters).' })
  note: string;
}

@InputType({ description: 'Resubmits a returned application once the missing materials are attached (补正).' })
export class ResubmitPermitApplicationInput extends ApplicationActionInput {
  @Field(() => String, { nullable: true, description: 'A comment for the accepting officer (up to 1000 characters).' })
  comment?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'A corrected investment project code (HIGHWAY_CONSTRUCTION only); the project is checked again either way.',
  })
  investmentProjectCode?: string | null;
}

@InputType({ description: 'The review opinion (审查意见) on an accepted application.' })
export class ReviewPermitApplicationInput extends ApplicationActionInput {
  @Field(() => ReviewRecommendation, { description: 'What the reviewer recommends.' })
  recommendation: ReviewRecommendation;

  @Field({ description: 'The opinion and its grounds (1-1000 characters).' })
  opinion: string;
}

@InputType({ description: 'Withdrawal of an application by the applicant before a decision (撤回申请).' })
export class WithdrawPermitApplicationInput extends ApplicationActionInput {
  @Field({ description: "The applicant's reason (1-1000 characters)." })
  reason: string;
}

@InputType({ description: 'A request to extend the decision deadline once (延长审查期限), before it has passed.' })
export class RequestDeadlineExtensionInput extends ApplicationActionInput {
  @Field({ description: 'Why more time is needed (1-500 characters); told to the applicant.' })
  reason: string;
}

@InputType({ description: "A reviewer's answer to a deadline extension request." })
export class DecideDeadlineExtensionInput extends ApplicationActionInput {
  @Field(() => String, { nullable: true, description: 'Comment (1-500 characters); required when refusing.' })
  comment?: string | null;
}

@InputType({ description: "A province's decision on its segment of a cross-province oversize transport (并联许可)." })
export class RouteSegmentDecisionInput extends ApplicationActionInput {
  @Field({ description: "The province whose segment is decided (xx0000); it must lie within the caller's region." })
  provinceCode: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Conditions (escort, time window) when approving; the reasons (required) when refusing. 1-1000 characters.',
  })
  comment?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'When approving for an applicant on the serious-dishonesty list: why (联合惩戒, 仍予许可的理由); required then. 1-1000 characters.',
  })
  jointDisciplineReason?: string | null;
}

@ObjectType({ description: 'An application after an action on it.' })
export class PermitApplicationPayload {
  @Field(() => PermitApplication, { description: 'The application as it now stands.' })
  application: PermitApplication;

  @Field(() => Permit, { nullable: true, description: 'The permit issued, when the action approved it.' })
  permit: Permit | null;
}
