import { Field, InputType, Int } from 'type-graphql';
import { PenaltyKind } from '../penalty-kind';
import { CaseReferenceInput } from './case-action.input';

@InputType({ description: 'The penalty decision (行政处罚决定) on an investigated case.' })
export class DecideCaseInput extends CaseReferenceInput {
  @Field(() => PenaltyKind, { description: 'The penalty imposed.' })
  penalty: PenaltyKind;

  @Field(() => Int, { nullable: true, description: 'The fine in fen (分): required and positive for FINE, absent otherwise.' })
  fineFen?: number | null;

  @Field(() => String, { nullable: true, description: 'The permit acted on: required for PERMIT_SUSPENSION and PERMIT_REVOCATION, absent otherwise.' })
  permitNumber?: string | null;

  @Field({ description: 'Summary of the decision as published (1-1000 characters).' })
  decisionSummary: string;
}
