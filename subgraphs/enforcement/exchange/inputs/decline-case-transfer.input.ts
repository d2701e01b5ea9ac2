import { Field, InputType } from 'type-graphql';
import { CaseReferenceInput } from '../../enforcement-case/inputs/case-action.input';

@InputType({
  description:
    'The receiving region’s refusal of a transfer (退回移送), with reasons; the case stays with the region that proposed it.',
})
export class DeclineCaseTransferInput extends CaseReferenceInput {
  @Field({ description: 'Why the region does not take the case (4-1000 characters).' })
  reason: string;
}
