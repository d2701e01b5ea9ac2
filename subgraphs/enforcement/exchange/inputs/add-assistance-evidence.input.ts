import { Field, ID, InputType } from 'type-graphql';
import { EvidenceItemInput } from '../../evidence/inputs/add-case-evidence.input';

@InputType({
  description: 'An item of evidence the region asked collected for an assistance request; handed over with the answer.',
})
export class AddAssistanceEvidenceInput extends EvidenceItemInput {
  @Field(() => ID, { description: 'The assistance request.' })
  assistanceRequestId: string;
}
