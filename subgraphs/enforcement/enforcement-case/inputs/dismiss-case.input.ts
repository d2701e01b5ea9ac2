import { Field, InputType } from 'type-graphql';
import { CaseReferenceInput } from './case-action.input';

@InputType({ description: 'Dismissal (撤销立案) of a case that is not yet decided.' })
export class DismissCaseInput extends CaseReferenceInput {
  @Field({ description: 'Why the case is dismissed (required, 1-1000 characters).' })
  reason: string;
}
