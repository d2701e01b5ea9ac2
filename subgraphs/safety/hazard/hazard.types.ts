import { Field, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../platform/graphql/connection';
import { HiddenHazard } from './hidden-hazard.entity';

// The kit's class is the GraphQL type itself; subclassing it with a bare @ObjectType would drop its description.
export const HiddenHazardConnection = ConnectionType(HiddenHazard, 'HiddenHazard', 'hidden hazard');
export type HiddenHazardConnection = InstanceType<typeof HiddenHazardConnection>;

@ObjectType({ description: 'Overdue hidden hazards (逾期未整改隐患) of one region.' })
export class RegionOverdueHazards {
  @Field({ description: 'GB/T 2260 code of the region (of the enterprises).' })
  regionCode: string;

  @Field(() => Int, { description: 'Hazards still open after their deadline.' })
  overdue: number;

  @Field(() => Int, { description: 'Of those, major hazards (重大隐患).' })
  majorOverdue: number;

  @Field({ description: 'The earliest deadline missed, China date YYYY-MM-DD.' })
  oldestDeadline: string;
}

@ObjectType({ description: "An enterprise's hidden hazards not yet closed (未销号隐患), in the caller's region." })
export class EnterpriseOpenHazards {
  @Field(() => Int, { description: 'Hazards open or awaiting verification.' })
  total: number;

  @Field(() => Int, { description: 'Of those, major hazards (重大隐患).' })
  major: number;

  @Field(() => Int, { description: 'Of those, open past their deadline (逾期).' })
  overdue: number;
}
