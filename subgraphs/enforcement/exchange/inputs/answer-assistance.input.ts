import { Field, ID, InputType } from 'type-graphql';

@InputType({
  description:
    'The answer of the region asked (协查答复); the evidence it collected is handed over with it, digests verified.',
})
export class AnswerAssistanceInput {
  @Field(() => ID, { description: 'The assistance request.' })
  assistanceRequestId: string;

  @Field({ description: 'What the investigation found (1-2000 characters).' })
  answer: string;
}
