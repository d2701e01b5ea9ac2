import { Field, InputType, Int } from 'type-graphql';
import { PenaltyKind } from '../../enforcement-case/penalty-kind';
import { CaseReferenceInput } from '../../enforcement-case/inputs/case-action.input';

@InputType({
  description:
    'The penalty decision (行政处罚决定): after the notice and the party’s statement or hearing, within the penalty notified; a decision of NO_PENALTY may follow the investigation directly.',
})
export class DecideCaseInput extends CaseReferenceInput {
  @Field(() => PenaltyKind, { description: 'The penalty imposed.' })
  penalty: PenaltyKind;

  @Field(() => Int, {
    nullable: true,
    description: 'The fine in fen (分): required and positive for FINE, absent otherwise.',
  })
  fineFen?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The permit acted on: required for PERMIT_SUSPENSION and PERMIT_REVOCATION, absent otherwise.',
  })
  permitNumber?: string | null;

  @Field({ description: 'Summary of the decision as published (1-1000 characters).' })
  decisionSummary: string;
}
