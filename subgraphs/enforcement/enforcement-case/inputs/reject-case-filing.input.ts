import { Field, InputType } from 'type-graphql';
import { CaseReferenceInput } from './case-action.input';

@InputType({ description: 'A supervisor’s refusal to open a submitted case (不予立案).' })
export class RejectCaseFilingInput extends CaseReferenceInput {
  @Field({ description: 'Why the case is not opened (required, 1-1000 characters).' })
  reason: string;
}
