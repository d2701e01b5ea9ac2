import { Field, InputType } from 'type-graphql';
import { CaseReferenceInput } from '../../enforcement-case/inputs/case-action.input';

@InputType({ description: 'A proposal by the handling region to move a case to another region (案件移送).' })
export class ProposeCaseTransferInput extends CaseReferenceInput {
  @Field({
    description:
      'GB/T 2260 code of the region to take the case over: not the handling region, a region under it or one above it.',
  })
  toRegionCode: string;

  @Field({ description: 'Why the case should move (移送理由), e.g. 车辆登记地在浙江 (4-1000 characters).' })
  reason: string;
}
