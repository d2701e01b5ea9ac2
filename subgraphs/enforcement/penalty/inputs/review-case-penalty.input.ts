import { Field, InputType } from 'type-graphql';
import { CaseReferenceInput } from '../../enforcement-case/inputs/case-action.input';

@InputType({ description: 'The legal review (法制审核) of a major proposed penalty.' })
export class ReviewCasePenaltyInput extends CaseReferenceInput {
  @Field({
    description:
      'True when the facts, evidence, procedure and legal basis hold and the party may be notified; false returns the case to investigation.',
  })
  approved: boolean;

  @Field({ description: 'The reviewer’s opinion (审核意见), 1-1000 characters.' })
  opinion: string;
}
