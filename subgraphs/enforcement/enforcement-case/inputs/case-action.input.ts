import { Field, InputType, Int } from 'type-graphql';

/** What every action on a case names: the case, and the version the officer saw. */
@InputType({ description: 'Names a case and the version the officer saw (a base for the action inputs).' })
export abstract class CaseReferenceInput {
  @Field({ description: 'Case number.' })
  caseNumber: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The version the officer saw; a later change makes the action fail with CONFLICT.',
  })
  expectedVersion?: number | null;
}

@InputType({ description: 'Moves a case one step on, at the version the officer saw.' })
export class CaseActionInput extends CaseReferenceInput {
  @Field(() => String, { nullable: true, description: 'A comment recorded with the step (up to 1000 characters).' })
  comment?: string | null;
}
