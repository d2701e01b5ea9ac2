import { Field, InputType } from 'type-graphql';
import { CaseReferenceInput } from '../../enforcement-case/inputs/case-action.input';

@InputType({ description: 'What the party stated in its defence after the notice (陈述申辩), as received.' })
export class RecordPartyStatementInput extends CaseReferenceInput {
  @Field({ description: 'The party’s statement and defence, or a note that it made none (1-2000 characters).' })
  statement: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True when the party declared in writing that it gives up a hearing (放弃听证); the case may then be decided at once.',
  })
  waivesHearing?: boolean | null;
}
