import { Field, InputType, Int } from 'type-graphql';
import { CaseReferenceInput } from './case-action.input';

@InputType({ description: 'A supervisor’s extension of a case’s decision due date (延长办案期限).' })
export class ExtendCaseDeadlineInput extends CaseReferenceInput {
  @Field(() => Int, { description: 'Days to add to the decision due date (1-90).' })
  days: number;

  @Field({ description: 'Why more time is needed, e.g. 案情复杂 (required, 1-1000 characters).' })
  reason: string;
}
