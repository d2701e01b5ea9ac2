import { Field, InputType } from 'type-graphql';

@InputType({
  description: 'Shares a case with another region for reading (案件共享协查); decided by the handling region.',
})
export class ShareCaseInput {
  @Field({ description: 'Case number.' })
  caseNumber: string;

  @Field({
    description:
      'GB/T 2260 code of the region to share with; not the handling region, a region under it or one above it.',
  })
  regionCode: string;

  @Field({ description: 'Why the case is shared (共享事由), 4-500 characters.' })
  reason: string;
}
