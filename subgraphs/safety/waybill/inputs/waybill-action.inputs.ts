import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { Waybill } from '../waybill.entity';

@InputType({ description: 'Acts on a waybill at the version the caller saw.' })
export class WaybillActionInput {
  @Field({ description: 'Waybill number.' })
  waybillNumber: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The version the caller saw; a later change makes the action fail with CONFLICT.',
  })
  expectedVersion?: number | null;
}

@InputType({ description: 'Cancellation of a waybill whose vehicle has not left.' })
export class CancelWaybillInput extends WaybillActionInput {
  @Field({ description: 'Why the shipment will not go (required, 1-500 characters).' })
  reason: string;
}

@ObjectType({ description: 'A waybill after an action on it.' })
export class WaybillPayload {
  @Field(() => Waybill, { description: 'The waybill as it now stands.' })
  waybill: Waybill;
}
