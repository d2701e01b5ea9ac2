import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A request by the handling region for another region’s assistance on a case (协查请求).' })
export class RequestAssistanceInput {
  @Field({ description: 'Case number.' })
  caseNumber: string;

  @Field({
    description: 'GB/T 2260 code of the region asked: not the handling region, a region under it or one above it.',
  })
  assistingRegionCode: string;

  @Field({ description: 'What the region asked should investigate or collect (4-1000 characters).' })
  question: string;

  @Field({
    description:
      'What the region asked may know of the case (1-2000 characters): it sees this, never the case. Share no more than the question needs; resident ID and phone numbers in it are masked for readers without pii-reader and a purpose.',
  })
  sharedSummary: string;

  @Field(() => String, {
    nullable: true,
    description: 'Last day for the answer, YYYY-MM-DD (China time), today or later; 15 days from today when omitted.',
  })
  dueDate?: string | null;
}
