import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { PermitApplication } from '../permit-application.entity';
import { PermitKind } from '../permit-kind';
import { Permit } from '../permit.entity';

@InputType({ description: 'An application for a permit, submitted online for an enterprise.' })
export class SubmitPermitApplicationInput {
  @Field({ description: 'Credit code of the applying enterprise (must be registered).' })
  creditCode: string;

  @Field(() => PermitKind, { description: 'The permit applied for.' })
  kind: PermitKind;

  @Field({ description: 'Business scope applied for (1-500 characters).' })
  scope: string;

  @Field({ description: 'GB/T 2260 code of the authority the application is made to.' })
  regionCode: string;

  @Field(() => String, { nullable: true, description: 'Investment project code (投资项目统一代码, YYYY-RRRRRR-DD-TT-NNNNNC): required for HIGHWAY_CONSTRUCTION, where the project must be approved on the national investment project approval platform; not allowed for other kinds.' })
  investmentProjectCode?: string | null;
}

@InputType({ description: 'Acts on an application at the version the officer saw.' })
export class ApplicationActionInput {
  @Field({ description: 'Application number.' })
  applicationNumber: string;

  @Field(() => Int, { nullable: true, description: 'The version the officer saw; a later change makes the action fail with CONFLICT.' })
  expectedVersion?: number | null;
}

@InputType({ description: 'Approval of an accepted application.' })
export class ApprovePermitApplicationInput extends ApplicationActionInput {
  @Field(() => String, { nullable: true, description: 'Conditions attached to the approval.' })
  conditions?: string | null;
}

@InputType({ description: 'Refusal of an application.' })
export class RejectPermitApplicationInput extends ApplicationActionInput {
  @Field({ description: 'Reasons for refusal (required, 1-1000 characters).' })
  reason: string;
}

@ObjectType({ description: 'An application after an action on it.' })
export class PermitApplicationPayload {
  @Field(() => PermitApplication, { description: 'The application as it now stands.' })
  application: PermitApplication;

  @Field(() => Permit, { nullable: true, description: 'The permit issued, when the action approved it.' })
  permit: Permit | null;
}
