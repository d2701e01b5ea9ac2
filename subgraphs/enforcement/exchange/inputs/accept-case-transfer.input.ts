import { Field, InputType } from 'type-graphql';
import { CaseReferenceInput } from '../../enforcement-case/inputs/case-action.input';

@InputType({
  description: 'The receiving region’s acceptance of a transfer (接收移送): it handles the case from now on.',
})
export class AcceptCaseTransferInput extends CaseReferenceInput {
  @Field(() => String, {
    nullable: true,
    description: 'A comment recorded with the acceptance (up to 1000 characters).',
  })
  comment?: string | null;
}
