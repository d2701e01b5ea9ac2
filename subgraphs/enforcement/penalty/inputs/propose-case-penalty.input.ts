import { Field, InputType, Int } from 'type-graphql';
import { CaseReferenceInput } from '../../enforcement-case/inputs/case-action.input';
import { PenaltyKind } from '../../enforcement-case/penalty-kind';

@InputType({ description: 'The investigators’ proposed penalty (处罚建议) at the end of the investigation.' })
export class ProposeCasePenaltyInput extends CaseReferenceInput {
  @Field(() => PenaltyKind, { description: 'The penalty proposed; not NO_PENALTY, which is decided directly.' })
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

  @Field({ description: 'Facts, grounds and the legal basis of the proposal (1-1000 characters).' })
  summary: string;
}
