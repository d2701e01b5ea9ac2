import { Field, InputType, ObjectType } from 'type-graphql';
import { Permit } from '../permit.entity';

@InputType({ description: "A change of a permit's status by a licensing reviewer, with the reasons." })
export class ChangePermitStatusInput {
  @Field({ description: 'Permit number.' })
  permitNumber: string;

  @Field({ description: 'Reasons (1-1000 characters), recorded in the status history.' })
  reason: string;
}

@InputType({ description: 'Suspends (暂扣) a valid permit.' })
export class SuspendPermitInput extends ChangePermitStatusInput {}

@InputType({ description: 'Restores a suspended permit to force.' })
export class RestorePermitInput extends ChangePermitStatusInput {}

@InputType({ description: 'Revokes (吊销) a valid or suspended permit; final.' })
export class RevokePermitInput extends ChangePermitStatusInput {}

@ObjectType({ description: 'A permit after a change of its status.' })
export class PermitPayload {
  @Field(() => Permit, { description: 'The permit as it now stands.' })
  permit: Permit;
}
