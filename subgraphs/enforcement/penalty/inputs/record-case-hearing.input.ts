import { Field, InputType } from 'type-graphql';
import { CaseReferenceInput } from '../../enforcement-case/inputs/case-action.input';

@InputType({ description: 'The record of a hearing held at the party’s request (听证笔录).' })
export class RecordCaseHearingInput extends CaseReferenceInput {
  @Field({ description: 'When the hearing was held (UTC); not in the future.' })
  heldAt: Date;

  @Field({ description: 'Summary of the hearing record: who attended, what was argued (1-2000 characters).' })
  record: string;
}
