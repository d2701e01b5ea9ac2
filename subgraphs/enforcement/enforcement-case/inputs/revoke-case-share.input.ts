import { Field, InputType } from 'type-graphql';

@InputType({
  description: 'Ends the active share of a case with a region; the case disappears from that region at once.',
})
export class RevokeCaseShareInput {
  @Field({ description: 'Case number.' })
  caseNumber: string;

  @Field({ description: 'GB/T 2260 code of the region the case is shared with.' })
  regionCode: string;
}
